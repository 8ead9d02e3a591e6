import type { Rule } from '../rule.js'

export const rule: Rule = {
  id: 'method-result-changed',
  title: 'A request now returns another result type: old messages of neither side fit the other.',
  matches: (change) => change.kind === 'method-result-changed',
  breaks: (change) => ['clients', 'servers'],
}
