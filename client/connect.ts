// The usual way in: pick the variant (and codex version) by value, get a client typed for it.
import { AppServerClient, type ClientOptions } from './app-server-client.js'
import { DEFAULT_CODEX_VERSION, type CodexVersion, type ProtocolOf, type Variant } from './protocol.js'

export interface ConnectOptions<V extends Variant, C extends CodexVersion> extends ClientOptions<V> {
  /** The codex release whose protocol the types describe (default: the latest supported, 0.171.0). */
  codexVersion?: C
}

export type Client<V extends Variant = Variant, C extends CodexVersion = typeof DEFAULT_CODEX_VERSION> = AppServerClient<ProtocolOf<V, C>>

/** Opens the transport and returns a client typed for the variant; rejects when the transport cannot open. */
export function connect<V extends Variant, C extends CodexVersion = typeof DEFAULT_CODEX_VERSION>(options: ConnectOptions<V, C>): Promise<Client<V, C>> {
  return AppServerClient.connect<ProtocolOf<V, C>>(options)
}
