// The method maps a client is typed by, per codex version and variant. A new codex version adds
// one entry to `Protocols` (its generated maps); everything else in the client is generic over it.
import type * as Experimental from '../generated/experimental/index.js'
import type * as Stable from '../generated/stable/index.js'

/** The four method maps of one protocol surface (what `generated/<variant>/methods.ts` exports). */
export interface ProtocolTypes {
  clientRequests: Record<string, { params: unknown; result: unknown }>
  clientNotifications: Record<string, { params: unknown }>
  serverRequests: Record<string, { params: unknown; result: unknown }>
  serverNotifications: Record<string, { params: unknown }>
}

export interface StableProtocol {
  clientRequests: Stable.ClientRequestMap
  clientNotifications: Stable.ClientNotificationMap
  serverRequests: Stable.ServerRequestMap
  serverNotifications: Stable.ServerNotificationMap
}

export interface ExperimentalProtocol {
  clientRequests: Experimental.ClientRequestMap
  clientNotifications: Experimental.ClientNotificationMap
  serverRequests: Experimental.ServerRequestMap
  serverNotifications: Experimental.ServerNotificationMap
}

/** Every protocol surface the client knows, by codex version and variant. */
export interface Protocols {
  '0.169.0': { stable: StableProtocol; experimental: ExperimentalProtocol }
}

export type CodexVersion = keyof Protocols
export type Variant = 'stable' | 'experimental'
export const DEFAULT_CODEX_VERSION = '0.169.0' satisfies CodexVersion

export type ProtocolOf<V extends Variant, C extends CodexVersion = typeof DEFAULT_CODEX_VERSION> = Protocols[C][V]

export type ClientRequestMethod<P extends ProtocolTypes> = keyof P['clientRequests'] & string
export type ClientNotificationMethod<P extends ProtocolTypes> = keyof P['clientNotifications'] & string
export type ServerRequestMethod<P extends ProtocolTypes> = keyof P['serverRequests'] & string
export type ServerNotificationMethod<P extends ProtocolTypes> = keyof P['serverNotifications'] & string

export type RequestParams<P extends ProtocolTypes, M extends ClientRequestMethod<P>> = P['clientRequests'][M]['params']
export type RequestResult<P extends ProtocolTypes, M extends ClientRequestMethod<P>> = P['clientRequests'][M]['result']
export type NotificationParams<P extends ProtocolTypes, M extends ServerNotificationMethod<P>> = P['serverNotifications'][M]['params']
export type ServerRequestParams<P extends ProtocolTypes, M extends ServerRequestMethod<P>> = P['serverRequests'][M]['params']
export type ServerRequestResult<P extends ProtocolTypes, M extends ServerRequestMethod<P>> = P['serverRequests'][M]['result']

/** Params may be left out exactly when the method's params type admits `undefined`. */
export type ParamsArgument<Params, Rest extends unknown[] = []> = undefined extends Params
  ? [params?: Params, ...Rest]
  : [params: Params, ...Rest]
