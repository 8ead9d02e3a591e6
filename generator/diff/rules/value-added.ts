import { breaksByEffect, type Rule } from '../rule.js'

export const rule: Rule = {
  id: 'value-added',
  title: 'An enum value was added: readers that match values exhaustively meet one they do not know.',
  matches: (change) => change.kind === 'value-added' && change.after?.open !== true,
  breaks: (change) => breaksByEffect('widens', change.flows),
}
