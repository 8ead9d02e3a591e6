import { breaksByEffect, type Rule } from '../rule.js'

export const rule: Rule = {
  id: 'value-removed',
  title: 'An enum value was removed: messages carrying it are now refused.',
  matches: (change) => change.kind === 'value-removed',
  breaks: (change) => breaksByEffect('narrows', change.flows),
}
