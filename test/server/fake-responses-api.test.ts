// The fake Responses API answers real HTTP requests with the server-sent events codex parses.
import { afterEach, describe, expect, it } from 'vitest'
import { startFakeResponsesApi, splitIntoDeltas, summarizeRequest, type FakeResponsesApi } from './helpers/fake-responses-api.js'

interface SseEvent { event: string; data: Record<string, unknown> }

function parseSse(text: string): SseEvent[] {
  return text.split('\n\n').filter((block) => block.trim()).map((block) => {
    const lines = block.split('\n')
    const event = lines.find((line) => line.startsWith('event: '))!.slice('event: '.length)
    const data = JSON.parse(lines.find((line) => line.startsWith('data: '))!.slice('data: '.length)) as Record<string, unknown>
    return { event, data }
  })
}

const post = (fake: FakeResponsesApi, body: unknown) => fetch(`${fake.baseUrl}/responses`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

describe('fake Responses API', () => {
  let fake: FakeResponsesApi | undefined
  afterEach(async () => { await fake?.close() })

  it('streams a scripted text reply as deltas and records the request', async () => {
    fake = await startFakeResponsesApi({ replies: [{ kind: 'text', text: 'Hello there', deltas: 3 }] })
    const body = { model: 'gpt-5.5', instructions: 'be brief', input: [{ type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hi' }] }], tools: [{ type: 'function', name: 'exec_command' }], stream: true }
    const response = await post(fake, body)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    const events = parseSse(await response.text())
    expect(events.map((e) => e.event)).toEqual([
      'response.created', 'response.output_item.added',
      'response.output_text.delta', 'response.output_text.delta', 'response.output_text.delta',
      'response.output_item.done', 'response.completed',
    ])
    expect(events.filter((e) => e.event === 'response.output_text.delta').map((e) => e.data.delta).join('')).toBe('Hello there')
    const done = events.find((e) => e.event === 'response.output_item.done')!.data.item as Record<string, unknown>
    expect(done).toMatchObject({ type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Hello there' }] })
    expect(fake.requests).toHaveLength(1)
    expect(summarizeRequest(fake.requests[0]!.body)).toMatchObject({ model: 'gpt-5.5', instructionsLength: 8, inputItems: ['message/user: hi'], tools: ['exec_command'] })
  })

  it('answers a function call, a failure, an HTTP error, then the fallback, in script order', async () => {
    fake = await startFakeResponsesApi({
      replies: [
        { kind: 'functionCall', name: 'exec_command', arguments: { cmd: 'echo hi' } },
        { kind: 'failed', message: 'boom', code: 'server_error' },
        { kind: 'httpError', status: 500 },
      ],
    })
    const call = parseSse(await (await post(fake, {})).text())
    const item = call.find((e) => e.event === 'response.output_item.done')!.data.item as Record<string, unknown>
    expect(item).toMatchObject({ type: 'function_call', name: 'exec_command', arguments: '{"cmd":"echo hi"}' })
    expect(typeof item.call_id).toBe('string')

    const failed = parseSse(await (await post(fake, {})).text())
    expect(failed.at(-1)).toMatchObject({ event: 'response.failed', data: { response: { error: { code: 'server_error', message: 'boom' } } } })

    expect((await post(fake, {})).status).toBe(500)
    const fallback = parseSse(await (await post(fake, {})).text())
    expect(fallback.at(-1)!.event).toBe('response.completed')
  })

  it('logs routes it does not serve and answers them 404 instead of hanging', async () => {
    fake = await startFakeResponsesApi()
    expect((await fetch(`${fake.baseUrl}/models`)).status).toBe(200)
    expect((await fetch(`${fake.baseUrl}/nowhere`)).status).toBe(404)
    expect(fake.unknownRoutes).toEqual(['GET /v1/nowhere'])
  })

  it('splits text into the asked number of non-empty deltas', () => {
    expect(splitIntoDeltas('abcdefghij', 5)).toEqual(['ab', 'cd', 'ef', 'gh', 'ij'])
    expect(splitIntoDeltas('ab', 5)).toEqual(['a', 'b'])
  })
})
