import type { Rule } from '../rule.js'

export const rule: Rule = {
  id: 'type-removed',
  title: 'A type definition was removed (what used it is reported where it was used).',
  matches: (change) => change.kind === 'type-removed',
  breaks: (change) => [],
}
