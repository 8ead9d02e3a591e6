import type { Rule } from '../rule.js'

export const rule: Rule = {
  id: 'field-removed',
  title: 'A field was removed: clients lose what they read or what they asked for, and a formerly required field is no longer sent to servers that need it.',
  matches: (change) => change.kind === 'field-removed',
  breaks: (change) => change.before?.required === true && change.flows.includes('toServer') ? ['clients', 'servers'] : ['clients'],
}
