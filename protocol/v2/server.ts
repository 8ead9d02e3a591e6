// Diagnostics about the app-server process itself: its memory use and internal gauges.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ServerDiagnosticsParams = v2('ServerDiagnosticsParams', t.object({}), 'Asks the server for a snapshot of its own process diagnostics.')

export const ServerDiagnosticsResponse = v2('ServerDiagnosticsResponse', t.object({
  process: t.ref('ServerDiagnosticsProcess'),
  gauges: t.describe('Current values of the server\'s internal gauges (counts of live objects and the like).', t.array(t.ref('ServerDiagnosticsGauge'))),
}), 'A snapshot of the server process and its internal gauges.')

export const ServerDiagnosticsGauge = v2('ServerDiagnosticsGauge', t.object({
  name: t.describe('Gauge name.', t.string()),
  value: t.describe('Current value.', t.uint('uint64')),
}), 'One named counter reported by the server.')

export const ServerDiagnosticsProcess = v2('ServerDiagnosticsProcess', t.object({
  id: t.describe('Operating system process id of the server.', t.uint('uint32')),
  residentMemoryBytes: t.option(t.uint('uint64'), { description: 'Resident set size in bytes; null where the platform does not report it.' }),
  physicalFootprintBytes: t.option(t.uint('uint64'), { description: 'Physical memory footprint in bytes (macOS); null where not available.' }),
}), 'The server\'s operating system process and its memory use.')
