import type { Rule } from '../rule.js'

export const rule: Rule = {
  id: 'arm-added-to-open-union',
  title: 'An arm was added to a union that already accepts any object: readers that follow the schema handle unknown arms.',
  matches: (change) => change.kind === 'arm-added' && change.after?.open === true,
  breaks: () => [],
}
