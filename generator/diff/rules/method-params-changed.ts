import type { Rule } from '../rule.js'

export const rule: Rule = {
  id: 'method-params-changed',
  title: 'A method now takes another params type: old messages of neither side fit the other.',
  matches: (change) => change.kind === 'method-params-changed',
  breaks: (change) => ['clients', 'servers'],
}
