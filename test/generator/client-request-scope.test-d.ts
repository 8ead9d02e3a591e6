// A client request must say how it is ordered against others: leaving out `scope` is a type error.
import { expectTypeOf, test } from 'vitest'
import { scope, t, typesIn, type ClientRequestDef, type MethodTables } from '../../protocol/dsl/index.js'

const v2 = typesIn('v2')
const PingParams = v2('PingParams', t.object({}))
const PingResponse = v2('PingResponse', t.object({}))

test('a client request entry with a scope type-checks', () => {
  const entry: ClientRequestDef = { method: 'ping', params: PingParams, result: PingResponse, scope: scope.none }
  expectTypeOf(entry.scope).toEqualTypeOf<ClientRequestDef['scope']>()
})

test('a client request entry without a scope does not type-check', () => {
  // @ts-expect-error scope is required on every client request
  const entry: ClientRequestDef = { method: 'ping', params: PingParams, result: PingResponse }
  const tables: Pick<MethodTables, 'clientRequests'> = {
    // @ts-expect-error scope is required inside the method table too
    clientRequests: [{ method: 'ping', params: PingParams, result: PingResponse }],
  }
  expectTypeOf(entry).toMatchTypeOf<ClientRequestDef>()
  expectTypeOf(tables.clientRequests).toEqualTypeOf<readonly ClientRequestDef[]>()
})

test('a scope needs its field or bucket', () => {
  // @ts-expect-error thread scopes name the params field that holds the thread id
  scope.thread()
  // @ts-expect-error a scope object must be one of the known kinds
  const bad: ClientRequestDef['scope'] = { kind: 'perThread', field: 'threadId' }
  expectTypeOf(bad).not.toBeAny()
})
