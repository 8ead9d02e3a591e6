// The method maps a client is typed by, per codex version and variant. A new codex version adds
// one entry to `Protocols` (its generated maps); everything else in the client is generic over it.
import type * as Experimental from '../generated/experimental/index.js'
import type * as Stable from '../generated/stable/index.js'
import type * as Experimental0169 from '../generated/v0.169.0/experimental/index.js'
import type * as Stable0169 from '../generated/v0.169.0/stable/index.js'

/** The four method maps of one protocol surface (what `generated/<variant>/methods.ts` exports). */
export interface ProtocolTypes {
  clientRequests: Record<string, { params: unknown; result: unknown }>
  clientNotifications: Record<string, { params: unknown }>
  serverRequests: Record<string, { params: unknown; result: unknown }>
  serverNotifications: Record<string, { params: unknown }>
}

/** One generated surface's four method maps. */
interface Surface<CR, CN, SR, SN> {
  clientRequests: CR
  clientNotifications: CN
  serverRequests: SR
  serverNotifications: SN
}

/** The latest supported release's surfaces (the plain `generated/<variant>` folders). */
export type StableProtocol = Surface<Stable.ClientRequestMap, Stable.ClientNotificationMap, Stable.ServerRequestMap, Stable.ServerNotificationMap>
export type ExperimentalProtocol = Surface<Experimental.ClientRequestMap, Experimental.ClientNotificationMap, Experimental.ServerRequestMap, Experimental.ServerNotificationMap>

/** Every protocol surface the client knows, by codex version and variant. */
export interface Protocols {
  '0.169.0': {
    stable: Surface<Stable0169.ClientRequestMap, Stable0169.ClientNotificationMap, Stable0169.ServerRequestMap, Stable0169.ServerNotificationMap>
    experimental: Surface<Experimental0169.ClientRequestMap, Experimental0169.ClientNotificationMap, Experimental0169.ServerRequestMap, Experimental0169.ServerNotificationMap>
  }
  '0.171.0': { stable: StableProtocol; experimental: ExperimentalProtocol }
}

export type CodexVersion = keyof Protocols
export type Variant = 'stable' | 'experimental'
/** The latest supported release, as the reference server and the plain entry points default to it. */
export const DEFAULT_CODEX_VERSION = '0.171.0' satisfies CodexVersion

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
