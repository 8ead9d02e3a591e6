import { breaksByEffect, type Rule } from '../rule.js'

export const rule: Rule = {
  id: 'field-became-optional',
  title: 'A required field became optional: messages may now lack it.',
  matches: (change) => change.kind === 'field-optional',
  breaks: (change) => breaksByEffect('widens', change.flows),
}
