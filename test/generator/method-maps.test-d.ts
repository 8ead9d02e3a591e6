// The generated method maps tie each wire method to its params and result types, per variant.
import { describe, expectTypeOf, test } from 'vitest'
import type * as Experimental from '../../generated/experimental/index.js'
import type * as Stable from '../../generated/stable/index.js'
import type * as Experimental169 from '../../generated/v0.169.0/experimental/index.js'
import type * as Stable169 from '../../generated/v0.169.0/stable/index.js'

describe('experimental method maps', () => {
  test('client requests map to their params and result types', () => {
    expectTypeOf<Experimental.ClientRequestMap['thread/start']['params']>().toEqualTypeOf<Experimental.ThreadStartParams>()
    expectTypeOf<Experimental.ClientRequestMap['thread/start']['result']>().toEqualTypeOf<Experimental.ThreadStartResponse>()
    expectTypeOf<Experimental.ClientRequestMap['server/diagnostics']['params']>().toEqualTypeOf<Experimental.ServerDiagnosticsParams>()
  })

  test('params that may be left out accept undefined and null; absent params are undefined', () => {
    expectTypeOf<undefined>().toExtend<Experimental.ClientRequestMap['account/rateLimits/read']['params']>()
    expectTypeOf<null>().toExtend<Experimental.ClientRequestMap['account/rateLimits/read']['params']>()
    expectTypeOf<Experimental.ClientRequestMap['account/rateLimits/read']['params']>()
      .toEqualTypeOf<Experimental.GetAccountRateLimitsParams | null | undefined>()
    expectTypeOf<Experimental.ClientRequestMap['account/logout']['params']>().toEqualTypeOf<undefined>()
    expectTypeOf<Experimental.ClientNotificationMap['initialized']['params']>().toEqualTypeOf<undefined>()
  })

  test('required params do not accept undefined', () => {
    expectTypeOf<undefined>().not.toExtend<Experimental.ClientRequestMap['thread/start']['params']>()
  })

  test('server requests and notifications', () => {
    expectTypeOf<Experimental169.ServerRequestMap['currentTime/read']['params']>().toEqualTypeOf<Experimental169.CurrentTimeReadParams>()
    expectTypeOf<Experimental.ServerNotificationMap['turn/started']['params']>().toEqualTypeOf<Experimental.TurnStartedNotification>()
    expectTypeOf<Experimental.ServerNotificationMap['thread/queue/changed']>().toHaveProperty('params')
    // Notifications have no result.
    expectTypeOf<Experimental.ServerNotificationMap['turn/started']>().not.toHaveProperty('result')
  })

  test('method name unions are the map keys', () => {
    expectTypeOf<Experimental.ClientRequestMethod>().toEqualTypeOf<keyof Experimental.ClientRequestMap>()
    expectTypeOf<'thread/start'>().toExtend<Experimental.ClientRequestMethod>()
    expectTypeOf<'no/such/method'>().not.toExtend<Experimental.ClientRequestMethod>()
  })

  test('the message unions agree with the maps', () => {
    type StartRequest = Extract<Experimental.ClientRequest, { method: 'thread/start' }>
    expectTypeOf<StartRequest['params']>().toEqualTypeOf<Experimental.ThreadStartParams>()
    expectTypeOf<Experimental.ClientRequest['method']>().toEqualTypeOf<Experimental.ClientRequestMethod>()
  })
})

describe('stable method maps', () => {
  test('stable methods map to the stable types', () => {
    expectTypeOf<Stable.ClientRequestMap['thread/start']['params']>().toEqualTypeOf<Stable.ThreadStartParams>()
    expectTypeOf<Stable.ClientRequestMap['thread/start']['result']>().toEqualTypeOf<Stable.ThreadStartResponse>()
    expectTypeOf<Stable.ServerNotificationMap['turn/started']['params']>().toEqualTypeOf<Stable.TurnStartedNotification>()
    expectTypeOf<undefined>().toExtend<Stable.ClientRequestMap['account/rateLimits/read']['params']>()
  })

  test('experimental methods are absent from the stable maps', () => {
    // @ts-expect-error server/diagnostics is experimental
    type Diagnostics = Stable.ClientRequestMap['server/diagnostics']
    // @ts-expect-error currentTime/read is an experimental server request
    type CurrentTime = Stable169.ServerRequestMap['currentTime/read']
    // @ts-expect-error thread/queue/changed is an experimental notification
    type QueueChanged = Stable.ServerNotificationMap['thread/queue/changed']
    expectTypeOf<'server/diagnostics'>().not.toExtend<Stable.ClientRequestMethod>()
    expectTypeOf<Diagnostics | CurrentTime | QueueChanged>().toBeAny()
  })

  test('stable params lack experimental fields', () => {
    expectTypeOf<Experimental.ThreadStartParams>().toHaveProperty('mockExperimentalField')
    expectTypeOf<Stable.ThreadStartParams>().not.toHaveProperty('mockExperimentalField')
    // A stable request is still a valid experimental request.
    expectTypeOf<Stable.ThreadStartParams>().toExtend<Experimental.ThreadStartParams>()
  })
})

describe('versions', () => {
  test('each supported version has its own maps: 0.171.0 (the default) removed currentTime/read and added thread/search/stream', () => {
    // @ts-expect-error currentTime/read does not exist in codex 0.171.0
    type Removed = Experimental.ServerRequestMap['currentTime/read']
    // @ts-expect-error thread/search/stream does not exist in codex 0.169.0
    type NotYet = Experimental169.ClientRequestMap['thread/search/stream']
    expectTypeOf<Removed | NotYet>().toBeAny()
    expectTypeOf<Experimental.ClientRequestMap['thread/search/stream']['result']>().toEqualTypeOf<Experimental.ThreadSearchResponse>()
    expectTypeOf<Stable.ClientRequestMap['modelProvider/default/set']['result']>().toEqualTypeOf<Stable.ConfigWriteResponse>()
  })
})
