import { breaksByEffect, type Rule } from '../rule.js'

export const rule: Rule = {
  id: 'arm-added',
  title: 'A union arm was added: readers that match arms exhaustively meet one they do not know.',
  matches: (change) => change.kind === 'arm-added' && change.after?.open !== true,
  breaks: (change) => breaksByEffect('widens', change.flows),
}
