// Which way each definition travels: written by clients and read by servers (`toServer`: request
// params, client notifications, answers to server requests), written by servers and read by clients
// (`toClient`: results, notifications, server requests), or both. A change is judged by the side
// that reads the data (see levels.ts).
import { forEachNode } from '../model/schema-nodes.js'
import { refTarget, type Direction, type Snapshot } from './snapshot.js'

export type Flow = 'toServer' | 'toClient'

/** The way a method's params and result travel. */
export const METHOD_FLOWS: Record<Direction, { params: Flow; result?: Flow }> = {
  clientRequest: { params: 'toServer', result: 'toClient' },
  clientNotification: { params: 'toServer' },
  serverRequest: { params: 'toClient', result: 'toServer' },
  serverNotification: { params: 'toClient' },
}

/** The flows of every definition reachable from a method. */
export function definitionFlows(snapshot: Snapshot): Map<string, Set<Flow>> {
  const flows = new Map<string, Set<Flow>>()
  const visit = (root: string | undefined, flow: Flow) => {
    const stack = root === undefined ? [] : [root]
    while (stack.length > 0) {
      const id = stack.pop()!
      const seen = flows.get(id) ?? new Set<Flow>()
      if (seen.has(flow)) continue
      seen.add(flow)
      flows.set(id, seen)
      forEachNode(snapshot.definitions.get(id), (node) => {
        const target = refTarget(node)
        if (target !== undefined && snapshot.definitions.has(target)) stack.push(target)
      })
    }
  }
  for (const method of snapshot.methods.values()) {
    const ways = METHOD_FLOWS[method.direction]
    visit(method.params, ways.params)
    if (ways.result !== undefined) visit(method.result, ways.result)
  }
  return flows
}
