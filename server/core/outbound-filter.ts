// What a connection without experimentalApi may receive: experimental notifications and server
// requests are withheld, and experimental fields and union arms are removed from everything else,
// following the meta model's inventory.
import { ErrorCode, RpcError } from '../handler-types.js'
import { REMOVED, withoutExperimental } from '../experimental/gates.js'
import type { ClientRequestInfo, ProtocolModel } from '../model/protocol-model.js'
import type { Lifecycle } from './lifecycle.js'

/** Marks a message that must not be sent to this client at all. */
export const WITHHELD: unique symbol = Symbol('withheld')

export class OutboundFilter {
  constructor(private readonly model: ProtocolModel, private readonly lifecycle: Lifecycle) {}

  /** The result as this client may see it, or WITHHELD when nothing of it may be shown. */
  result(info: ClientRequestInfo, result: unknown): unknown {
    if (this.lifecycle.experimentalApi || !info.result) return result
    const visible = withoutExperimental(result, info.result, this.model.gates)
    return visible === REMOVED ? WITHHELD : visible
  }

  /** The notification's params as this client may see them, or WITHHELD. */
  notification(method: string, params: unknown): unknown {
    const info = this.model.serverNotifications.get(method)
    if (!info) throw new Error(`unknown notification ${method}`)
    if (this.lifecycle.experimentalApi) return params
    if (info.experimental) return WITHHELD
    if (!info.paramsType) return params
    const visible = withoutExperimental(params, info.paramsType, this.model.gates)
    return visible === REMOVED ? WITHHELD : visible
  }

  /** A server request's params as this client may see them; throws an RpcError when it may not receive it. */
  requestParams(method: string, params: unknown): unknown {
    const info = this.model.serverRequests.get(method)
    if (!info) throw new RpcError(ErrorCode.internal, `unknown server request ${method}`)
    if (this.lifecycle.experimentalApi) return params
    if (info.experimental) throw new RpcError(ErrorCode.invalidRequest, `${info.experimental} requires experimentalApi capability`)
    if (!info.paramsType) return params
    const visible = withoutExperimental(params, info.paramsType, this.model.gates)
    if (visible === REMOVED) throw new RpcError(ErrorCode.invalidRequest, `these ${method} params require experimentalApi capability`)
    return visible
  }
}
