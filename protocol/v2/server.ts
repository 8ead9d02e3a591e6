// The server family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ServerDiagnosticsParams = v2('ServerDiagnosticsParams', t.object({}))

export const ServerDiagnosticsResponse = v2('ServerDiagnosticsResponse', t.object({
  process: t.ref('ServerDiagnosticsProcess'),
  gauges: t.array(t.ref('ServerDiagnosticsGauge')),
}))

export const ServerDiagnosticsGauge = v2('ServerDiagnosticsGauge', t.object({
  name: t.string(),
  value: t.uint('uint64'),
}))

export const ServerDiagnosticsProcess = v2('ServerDiagnosticsProcess', t.object({
  id: t.uint('uint32'),
  residentMemoryBytes: t.option(t.uint('uint64')),
  physicalFootprintBytes: t.option(t.uint('uint64')),
}))
