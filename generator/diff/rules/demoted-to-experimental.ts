import type { Rule } from '../rule.js'

export const rule: Rule = {
  id: 'demoted-to-experimental',
  title: 'A stable member became experimental: clients of the stable protocol lose it.',
  matches: (change) => change.kind === 'demoted',
  breaks: (change) => ['clients'],
}
