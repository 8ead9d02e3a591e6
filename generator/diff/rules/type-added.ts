import type { Rule } from '../rule.js'

export const rule: Rule = {
  id: 'type-added',
  title: 'A type definition was added (what uses it is reported where it is used).',
  matches: (change) => change.kind === 'type-added',
  breaks: (change) => [],
}
