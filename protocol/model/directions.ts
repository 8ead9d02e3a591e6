// The four message directions, stated once: for each, the name of its wire union, its TS method
// map, the envelope type that carries it, and a one-line description. Every emitter, the compat
// check and the importer read this table instead of spelling the names again.
import { JSONRPCNotification, JSONRPCRequest } from '../envelope.js'
import type { Direction } from './meta-model.js'

export interface DirectionInfo {
  direction: Direction
  /** Name of the union of all messages of this direction (`ClientRequest`). */
  union: string
  /** Name of the generated TS map from wire method to params (and result) (`ClientRequestMap`). */
  methodMap: string
  /** The envelope type a message of this direction travels in. */
  envelope: string
  /** True for requests, which carry an id and expect a response. */
  isRequest: boolean
  /** Who sends the messages. */
  sender: 'client' | 'server'
  description: string
}

export const DIRECTIONS: Readonly<Record<Direction, DirectionInfo>> = {
  clientRequest: {
    direction: 'clientRequest', union: 'ClientRequest', methodMap: 'ClientRequestMap', envelope: JSONRPCRequest.name, isRequest: true, sender: 'client',
    description: 'Any request a client sends to the server.',
  },
  serverRequest: {
    direction: 'serverRequest', union: 'ServerRequest', methodMap: 'ServerRequestMap', envelope: JSONRPCRequest.name, isRequest: true, sender: 'server',
    description: 'Any request the server sends to a client, which the client must answer.',
  },
  serverNotification: {
    direction: 'serverNotification', union: 'ServerNotification', methodMap: 'ServerNotificationMap', envelope: JSONRPCNotification.name, isRequest: false, sender: 'server',
    description: 'Any notification the server sends to a client.',
  },
  clientNotification: {
    direction: 'clientNotification', union: 'ClientNotification', methodMap: 'ClientNotificationMap', envelope: JSONRPCNotification.name, isRequest: false, sender: 'client',
    description: 'Any notification a client sends to the server.',
  },
}

/** The directions in their canonical order. */
export const DIRECTION_LIST: readonly DirectionInfo[] = Object.values(DIRECTIONS)

/** Names of the four wire unions. */
export const UNION_NAMES: readonly string[] = DIRECTION_LIST.map((d) => d.union)
