// Bad input from either side: every pending request ends with a clear typed error, nothing hangs,
// and nothing escapes as an unhandled rejection or an exception from the event loop (vitest fails
// the run on either).
import { afterEach, describe, expect, test } from 'vitest'
import {
  connect, ConnectionClosedError, ErrorCode, HandlerError, inProcess, MalformedMessageError, NotInitializedError,
  RequestCancelledError, RequestTimeoutError, ResponseError, SchemaMismatchError, type Client,
} from '../../client/index.js'
import { FakePeer, INITIALIZE_RESULT } from './fake-peer.js'
import { collectErrors, RecordingValidator } from './helpers.js'

let client: Client<'stable'> | undefined
afterEach(async () => {
  await client?.close()
  client = undefined
})

async function initializedClient(peer: FakePeer, validator?: RecordingValidator): Promise<Client<'stable'>> {
  client = await connect({ variant: 'stable', transport: inProcess(() => peer.port), ...(validator ? { validator } : {}) })
  const done = client.initialize({ clientInfo: { name: 'bad-input', version: '1' } })
  const request = await peer.nextFromClient(0)
  peer.say({ id: request.id, result: INITIALIZE_RESULT })
  await done
  return client
}

describe('the client meets bad input', () => {
  test('a request before initialize is refused at once, with codex\'s code, and nothing is sent', async () => {
    const peer = new FakePeer()
    client = await connect({ variant: 'stable', transport: inProcess(() => peer.port) })
    const error = await client.request('thread/loaded/list', {}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NotInitializedError)
    expect(error).toMatchObject({ code: ErrorCode.invalidRequest, message: 'Not initialized: call initialize() before sending thread/loaded/list' })
    expect(peer.received).toEqual([])
  })

  test('initialize sends the capabilities, then the initialized notification', async () => {
    const peer = new FakePeer()
    client = await connect({ variant: 'stable', transport: inProcess(() => peer.port) })
    const done = client.initialize({ clientInfo: { name: 'c', version: '1' }, optOutNotificationMethods: ['thread/started'] })
    const request = await peer.nextFromClient(0)
    expect(request).toEqual({ id: 1, method: 'initialize', params: { clientInfo: { name: 'c', version: '1' }, capabilities: { experimentalApi: false, optOutNotificationMethods: ['thread/started'] } } })
    peer.say({ id: 1, result: INITIALIZE_RESULT })
    expect(await done).toEqual(INITIALIZE_RESULT)
    expect(await peer.nextFromClient(1)).toEqual({ method: 'initialized' })
  })

  test('an answer with an id nobody asked for is reported, and the connection goes on', async () => {
    const peer = new FakePeer()
    await initializedClient(peer)
    const errors = collectErrors(client!)
    const pending = client!.request('thread/loaded/list', {})
    const request = peer.lastFromClient()
    peer.say({ id: 999, result: { data: [] } })
    peer.say({ id: request.id, result: { data: ['t1'], nextCursor: null } })
    expect(await pending).toEqual({ data: ['t1'], nextCursor: null })
    expect(errors.map((e) => e.message)).toEqual(['an answer to id 999, which no request is waiting for: {"id":999,"result":{"data":[]}}'])
  })

  test('an unreadable answer fails its request; an unreadable line without an id is reported', async () => {
    const peer = new FakePeer()
    await initializedClient(peer)
    const errors = collectErrors(client!)
    const pending = client!.request('thread/loaded/list', {})
    const request = peer.lastFromClient()
    peer.say(`{"id":${String(request.id)},"result":{"data":[tru`)
    const error = await pending.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MalformedMessageError)
    expect(error).toMatchObject({ code: ErrorCode.malformedResponse })
    expect((error as Error).message).toMatch(/^thread\/loaded\/list: the answer is unreadable: in-process sent not JSON/)
    // An error answer carries its id last; an id inside a notification's payload is not a request's.
    const second = client!.request('thread/loaded/list', {})
    const secondId = peer.lastFromClient().id as number
    peer.say(`{"method":"thread/closed","params":{"id":${secondId}}`)
    peer.say(`{"error":{"code":-32600,"message":"bad \\u00"},"id":${secondId}}`)
    expect(await second.catch((e: unknown) => e)).toBeInstanceOf(MalformedMessageError)
    expect(errors).toHaveLength(1)
    errors.length = 0
    peer.say('garbage')
    peer.say('[1,2]')
    peer.say('{"error":{"code":1}}')
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^in-process sent not JSON \(.*\): garbage$/),
      'in-process sent not a JSON object but an array: [1,2]',
      'in-process sent a message with neither a method nor a valid id: {"error":{"code":1}}',
    ])
    expect(errors.every((e) => e instanceof MalformedMessageError)).toBe(true)
  })

  test('an error answer rejects with ResponseError carrying the code, message and data', async () => {
    const peer = new FakePeer()
    await initializedClient(peer)
    const pending = client!.request('thread/read', { threadId: 'nope' })
    const request = peer.lastFromClient()
    peer.say({ id: request.id, error: { code: -32600, message: 'thread not loaded: nope', data: { hint: 1 } } })
    const error = await pending.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ResponseError)
    expect(error).toMatchObject({ code: -32600, message: 'thread not loaded: nope', method: 'thread/read', data: { hint: 1 } })
  })

  test('timeouts and cancellation reject; the late answer is dropped quietly', async () => {
    const peer = new FakePeer()
    await initializedClient(peer)
    const errors = collectErrors(client!)
    const timedOut = await client!.request('thread/loaded/list', {}, { timeoutMs: 20 }).catch((e: unknown) => e)
    expect(timedOut).toBeInstanceOf(RequestTimeoutError)
    expect(timedOut).toMatchObject({ code: ErrorCode.requestTimeout, message: 'thread/loaded/list: no answer within 20 ms' })
    const controller = new AbortController()
    const cancelled = client!.request('thread/loaded/list', {}, { signal: controller.signal })
    controller.abort(new Error('user pressed escape'))
    expect(await cancelled.catch((e: unknown) => e)).toMatchObject({ name: 'RequestCancelledError', code: ErrorCode.requestCancelled, message: 'thread/loaded/list: cancelled (user pressed escape)' })
    expect(await client!.request('thread/loaded/list', {}, { signal: controller.signal }).catch((e: unknown) => e)).toBeInstanceOf(RequestCancelledError)
    for (const message of peer.received.slice(-2)) peer.say({ id: message.id, result: { data: [] } })
    expect(errors).toEqual([])
  })

  test('a server request without a handler is answered with an error, never left hanging', async () => {
    const peer = new FakePeer()
    await initializedClient(peer)
    const count = peer.received.length
    peer.say({ id: 0, method: 'item/tool/requestUserInput', params: { threadId: 't', turnId: 'u', itemId: 'i', questions: [] } })
    expect(await peer.nextFromClient(count)).toEqual({ id: 0, error: { code: ErrorCode.methodNotFound, message: 'the client has no handler for item/tool/requestUserInput' } })
  })

  test('a throwing handler is answered with an error and reported; HandlerError picks the code', async () => {
    const peer = new FakePeer()
    await initializedClient(peer)
    const errors = collectErrors(client!)
    client!.onServerRequest('item/fileChange/requestApproval', () => { throw new Error('disk on fire') })
    client!.onServerRequest('item/tool/call', () => { throw new HandlerError(-32000, 'no such tool', { tool: 'x' }) })
    const count = peer.received.length
    peer.say({ id: 'a', method: 'item/fileChange/requestApproval', params: {} })
    expect(await peer.nextFromClient(count)).toEqual({ id: 'a', error: { code: ErrorCode.internalError, message: 'the client failed to handle item/fileChange/requestApproval: disk on fire' } })
    peer.say({ id: 'b', method: 'item/tool/call', params: {} })
    expect(await peer.nextFromClient(count + 1)).toEqual({ id: 'b', error: { code: -32000, message: 'no such tool', data: { tool: 'x' } } })
    expect(errors.map((e) => e.message)).toEqual(['the item/fileChange/requestApproval handler threw: disk on fire'])
  })

  test('a throwing notification handler is reported and the others still run', async () => {
    const peer = new FakePeer()
    await initializedClient(peer)
    const errors = collectErrors(client!)
    const seen: (number | undefined)[] = []
    client!.onNotification('thread/closed', () => { throw new Error('oops') })
    client!.onNotification('thread/closed', (_params, { emittedAtMs }) => { seen.push(emittedAtMs) })
    peer.say({ method: 'thread/closed', params: { threadId: 't' }, emittedAtMs: 1234 })
    peer.say({ method: 'thread/closed', params: { threadId: 't' } })
    expect(seen).toEqual([1234, undefined])
    expect(errors.map((e) => e.message)).toEqual(['the thread/closed handler threw: oops', 'the thread/closed handler threw: oops'])
  })

  test('with validation on, a result that does not match the schemas rejects and a bad notification is reported, not delivered', async () => {
    const peer = new FakePeer()
    await initializedClient(peer, new RecordingValidator('stable'))
    const errors = collectErrors(client!)
    const pending = client!.request('thread/loaded/list', {})
    const request = peer.lastFromClient()
    peer.say({ id: request.id, result: { data: 'not a list' } })
    const error = await pending.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SchemaMismatchError)
    expect((error as Error).message).toBe('received thread/loaded/list result: result.data must be array (ThreadLoadedListResponse)')
    let delivered = false
    client!.onNotification('thread/closed', () => { delivered = true })
    peer.say({ method: 'thread/closed', params: { threadId: 7 } })
    expect(delivered).toBe(false)
    expect(errors.map((e) => e.message)).toEqual(['received thread/closed params: params.threadId must be string (ThreadClosedNotification)'])
    // What the client sends is checked before it leaves.
    // @ts-expect-error threadId must be a string
    await expect(client!.request('thread/read', { threadId: 5 })).rejects.toThrow('sending thread/read params: params.threadId must be string (ThreadReadParams)')
  })

  test('the server going away rejects every pending request and says why; later requests fail at once', async () => {
    const peer = new FakePeer()
    await initializedClient(peer)
    const closed = new Promise((resolve) => client!.on('closed', resolve))
    const pending = [client!.request('thread/loaded/list', {}), client!.request('model/list', {})]
    peer.drop()
    for (const request of pending) {
      const error = await request.catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ConnectionClosedError)
      expect(error).toMatchObject({ code: ErrorCode.connectionClosed })
      expect((error as Error).message).toMatch(/: the connection closed before the answer came \(the server closed the in-process connection\)$/)
    }
    expect(await closed).toEqual({ reason: 'the server closed the in-process connection', requested: false })
    await expect(client!.request('model/list', {})).rejects.toThrow('model/list: the connection is closed (the server closed the in-process connection)')
    expect(() => client!.notify('initialized')).toThrow(ConnectionClosedError)
  })
})
