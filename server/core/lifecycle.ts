// The JSON-RPC lifecycle of one connection: initialize once, then the client's capabilities
// (experimentalApi, notification opt-outs) decide what it may call and receive.
import type { InitializeParams } from '../../generated/experimental/index.js'

export class Lifecycle {
  initialized = false
  experimentalApi = false
  clientName: string | undefined
  private optOut: ReadonlySet<string> = new Set()

  /** Why a request may not run in the current state (codex's message), or undefined. */
  refusal(method: string): string | undefined {
    if (method === 'initialize') return this.initialized ? 'Already initialized' : undefined
    return this.initialized ? undefined : 'Not initialized'
  }

  /** Applies a successful initialize. */
  initialize(params: InitializeParams): void {
    const capabilities = params.capabilities ?? undefined
    this.initialized = true
    this.experimentalApi = capabilities?.experimentalApi === true
    this.optOut = new Set(capabilities?.optOutNotificationMethods ?? [])
    this.clientName = params.clientInfo.name
  }

  /** Whether the client wants this notification (initialized and not opted out of it). */
  wants(method: string): boolean {
    return this.initialized && !this.optOut.has(method)
  }
}
