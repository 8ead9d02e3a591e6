// The contract of a change rule (one per file in rules/): which raw changes it judges and whom they
// break. Levels follow from that (levels.ts): a change nobody is broken by is additive, and any
// change to members that are experimental on both sides is "experimental only".
import type { Change } from './compare.js'
import type { Flow } from './flows.js'

/** Who a change breaks: clients written against the older protocol, or servers that implement it. */
export type Side = 'clients' | 'servers'

export interface Rule {
  /** Stable id, cited in reports and in the ledger of acknowledged breaks. */
  id: string
  /** One line saying what the rule finds and why it is judged as it is. */
  title: string
  matches(change: Change): boolean
  breaks(change: Change): Side[]
}

/**
 * Whom a change to the set of accepted messages breaks, by the way the data travels. Data that
 * clients send is read by servers: accepting less breaks old clients, accepting more breaks old
 * servers (a new client may send what they reject). Data that servers send is the reverse.
 */
export function breaksByEffect(effect: 'widens' | 'narrows', flows: readonly Flow[]): Side[] {
  const sides = new Set<Side>()
  for (const flow of flows) {
    const readerIsServer = flow === 'toServer'
    sides.add((effect === 'narrows') === readerIsServer ? 'clients' : 'servers')
  }
  return [...sides].sort()
}
