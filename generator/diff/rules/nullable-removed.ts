import { breaksByEffect, type Rule } from '../rule.js'

export const rule: Rule = {
  id: 'nullable-removed',
  title: 'A member may no longer be null: messages carrying null are now refused.',
  matches: (change) => change.kind === 'nullable-removed',
  breaks: (change) => breaksByEffect('narrows', change.flows),
}
