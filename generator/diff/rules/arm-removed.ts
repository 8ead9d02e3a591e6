import { breaksByEffect, type Rule } from '../rule.js'

export const rule: Rule = {
  id: 'arm-removed',
  title: 'A union arm was removed: messages carrying it are now refused.',
  matches: (change) => change.kind === 'arm-removed',
  breaks: (change) => breaksByEffect('narrows', change.flows),
}
