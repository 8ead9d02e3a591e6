import type { Rule } from '../rule.js'

export const rule: Rule = {
  id: 'promoted-to-stable',
  title: 'An experimental member became stable.',
  matches: (change) => change.kind === 'promoted',
  breaks: (change) => [],
}
