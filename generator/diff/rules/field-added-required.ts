import { breaksByEffect, type Rule } from '../rule.js'

export const rule: Rule = {
  id: 'field-added-required',
  title: 'A required field was added: messages without it are now refused.',
  matches: (change) => change.kind === 'field-added' && change.after?.required === true,
  breaks: (change) => breaksByEffect('narrows', change.flows),
}
