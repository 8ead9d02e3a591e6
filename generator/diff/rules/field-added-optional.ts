import type { Rule } from '../rule.js'

export const rule: Rule = {
  id: 'field-added-optional',
  title: 'An optional field was added: readers ignore fields they do not know.',
  matches: (change) => change.kind === 'field-added' && change.after?.required !== true,
  breaks: (change) => [],
}
