import type { Rule } from '../rule.js'

export const rule: Rule = {
  id: 'value-added-to-open-union',
  title: 'A value was added to a union that already accepts any string: readers that follow the schema handle unknown values.',
  matches: (change) => change.kind === 'value-added' && change.after?.open === true,
  breaks: () => [],
}
