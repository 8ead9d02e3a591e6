// The client's typing, checked by the compiler: results, params, notifications and server-request
// answers follow the method maps of the variant chosen at connect, and mistakes do not compile.
import { describe, expectTypeOf, test } from 'vitest'
import type * as Experimental from '../../generated/experimental/index.js'
import type * as Stable from '../../generated/stable/index.js'
import { connect, ErrorCode, inProcess, type AppServerError, type Client, type MessagePortLike, type NotificationEnvelope, type ResponseError } from '../../client/index.js'

declare const port: MessagePortLike
declare const stable: Client<'stable'>
declare const experimental: Client<'experimental'>

describe('the client is typed by the variant it connects with', () => {
  test('connect infers the variant from its value', () => {
    expectTypeOf(connect({ variant: 'stable', transport: inProcess(() => port) })).resolves.toEqualTypeOf<Client<'stable'>>()
    expectTypeOf(connect({ variant: 'experimental', transport: inProcess(() => port) })).resolves.toEqualTypeOf<Client<'experimental'>>()
    expectTypeOf(connect({ variant: 'stable', codexVersion: '0.169.0', transport: inProcess(() => port) })).resolves.toEqualTypeOf<Client<'stable', '0.169.0'>>()
    // @ts-expect-error only known codex versions
    void connect({ variant: 'stable', codexVersion: '0.1.0', transport: inProcess(() => port) })
  })

  test('request returns the method\'s result type', () => {
    expectTypeOf(stable.request('thread/start', { cwd: '/w' })).resolves.toEqualTypeOf<Stable.ThreadStartResponse>()
    expectTypeOf(experimental.request('thread/start', {})).resolves.toEqualTypeOf<Experimental.ThreadStartResponse>()
    expectTypeOf(stable.request('model/list', {}, { timeoutMs: 5, signal: AbortSignal.timeout(5) })).resolves.toEqualTypeOf<Stable.ModelListResponse>()
  })

  test('params are checked; they may be left out only when the method allows it', () => {
    // @ts-expect-error threadId is required
    void stable.request('turn/start', { input: [] })
    // @ts-expect-error params of thread/start are required (even if every field is optional)
    void stable.request('thread/start')
    // @ts-expect-error an unknown method
    void stable.request('thread/teleport', {})
    void stable.request('account/logout')
    void stable.request('account/rateLimits/read')
    void stable.request('account/rateLimits/read', null, { timeoutMs: 1 })
  })

  test('experimental methods exist only on an experimental client', () => {
    expectTypeOf(experimental.request('mock/experimentalMethod', {})).resolves.toEqualTypeOf<Experimental.ClientRequestMap['mock/experimentalMethod']['result']>()
    // @ts-expect-error not part of the stable variant
    void stable.request('mock/experimentalMethod', {})
  })

  test('notification handlers get the params of their method and the envelope', () => {
    stable.onNotification('turn/completed', (params, envelope) => {
      expectTypeOf(params).toEqualTypeOf<Stable.TurnCompletedNotification>()
      expectTypeOf(envelope).toEqualTypeOf<NotificationEnvelope<'turn/completed'>>()
      expectTypeOf(envelope.emittedAtMs).toEqualTypeOf<number | undefined>()
    })
    // @ts-expect-error not a server notification
    stable.onNotification('thread/start', () => {})
  })

  test('server-request handlers must return the request\'s result type', () => {
    stable.onServerRequest('item/commandExecution/requestApproval', (params) => {
      expectTypeOf(params).toEqualTypeOf<Stable.CommandExecutionRequestApprovalParams>()
      return { decision: 'accept' }
    })
    stable.onServerRequest('item/commandExecution/requestApproval', async () => ({ decision: { acceptWithExecpolicyAmendment: { execpolicy_amendment: ['ls'] } } }))
    // @ts-expect-error 'maybe' is not a decision
    stable.onServerRequest('item/commandExecution/requestApproval', () => ({ decision: 'maybe' }))
    // @ts-expect-error the result needs a decision
    stable.onServerRequest('item/fileChange/requestApproval', () => ({}))
  })

  test('notify and initialize', () => {
    stable.notify('initialized')
    // @ts-expect-error not a client notification
    stable.notify('turn/completed', {})
    expectTypeOf(stable.initialize({ clientInfo: { name: 'x', version: '1' }, optOutNotificationMethods: ['thread/started'] })).resolves.toEqualTypeOf<Stable.InitializeResponse>()
    // @ts-expect-error opt-out names are notification methods
    void stable.initialize({ clientInfo: { name: 'x', version: '1' }, optOutNotificationMethods: ['thread/strated'] })
    // @ts-expect-error clientInfo needs a version
    void stable.initialize({ clientInfo: { name: 'x' } })
  })

  test('errors carry a numeric code; the constants are literal', () => {
    expectTypeOf<AppServerError['code']>().toEqualTypeOf<number>()
    expectTypeOf<ResponseError['method']>().toEqualTypeOf<string>()
    expectTypeOf(ErrorCode.invalidRequest).toEqualTypeOf<-32600>()
  })

  test('events', () => {
    stable.on('reconnected', ({ initializeResult }) => expectTypeOf(initializeResult).toEqualTypeOf<Stable.InitializeResponse | undefined>())
    stable.on('stderr', (line) => expectTypeOf(line).toEqualTypeOf<string>())
    // @ts-expect-error unknown event
    stable.on('exploded', () => {})
  })
})
