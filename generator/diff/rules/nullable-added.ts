import { breaksByEffect, type Rule } from '../rule.js'

export const rule: Rule = {
  id: 'nullable-added',
  title: 'A member may now be null: readers that expect a value meet null.',
  matches: (change) => change.kind === 'nullable-added',
  breaks: (change) => breaksByEffect('widens', change.flows),
}
