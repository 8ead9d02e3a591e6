import type { Rule } from '../rule.js'

export const rule: Rule = {
  id: 'shape-changed',
  title: 'A member changed its type: old messages do not fit the new shape nor new ones the old.',
  matches: (change) => change.kind === 'shape-changed',
  breaks: (change) => ['clients', 'servers'],
}
