import type { Rule } from '../rule.js'

export const rule: Rule = {
  id: 'method-added',
  title: 'A method was added. A new client request must be implemented by servers; a new server request must be answered by clients; a new notification can be ignored.',
  matches: (change) => change.kind === 'method-added',
  breaks: (change) => change.method?.direction === 'clientRequest' ? ['servers'] : change.method?.direction === 'serverRequest' ? ['clients'] : [],
}
