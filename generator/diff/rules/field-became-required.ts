import { breaksByEffect, type Rule } from '../rule.js'

export const rule: Rule = {
  id: 'field-became-required',
  title: 'An optional field became required: messages without it are now refused.',
  matches: (change) => change.kind === 'field-required',
  breaks: (change) => breaksByEffect('narrows', change.flows),
}
