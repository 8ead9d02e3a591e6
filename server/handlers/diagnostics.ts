// server/diagnostics: the server process and its request gauges, named as codex names them.
import { defineHandlers } from '../handler-types.js'
import type { FamilyEnvironment, HandlerFamily } from './family.js'

export function diagnosticsFamily(environment: FamilyEnvironment): HandlerFamily {
  return {
    name: 'server',
    handlers: defineHandlers({
      'server/diagnostics': () => {
        // Without the core's counts (a server assembled by hand), this request is the one in flight.
        const { inFlight, queued } = environment.requestGauges?.() ?? { inFlight: 1, queued: 0 }
        return {
          // The physical footprint is a macOS figure; codex reports null elsewhere too.
          process: { id: process.pid, residentMemoryBytes: process.memoryUsage.rss(), physicalFootprintBytes: null },
          gauges: [
            { name: 'app.requests.in_flight', value: inFlight },
            { name: 'app.requests.queued', value: queued },
          ],
        }
      },
    }),
  }
}
