import type { Rule } from '../rule.js'

export const rule: Rule = {
  id: 'method-removed',
  title: 'A method was removed. Clients lose what they called or listened to; a server request that is no longer sent breaks nobody.',
  matches: (change) => change.kind === 'method-removed',
  breaks: (change) => change.method?.direction === 'serverRequest' ? [] : ['clients'],
}
