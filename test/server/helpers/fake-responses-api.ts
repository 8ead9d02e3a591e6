// A local, deterministic stand-in for the OpenAI Responses API, good enough to drive a real
// `codex app-server` (0.169.0) through whole turns offline. Point codex at it from CODEX_HOME/config.toml:
//
//   model_provider = "fake"
//   model = "fake-model"
//   [model_providers.fake]
//   name = "fake"
//   base_url = "http://127.0.0.1:PORT/v1"     # FakeResponsesApi.baseUrl
//   wire_api = "responses"
//   requires_openai_auth = false
//
// Routes:
// - `POST /v1/responses` answers with the next scripted reply (see `Reply`) as server-sent events, in
//   the shapes codex's Responses client parses: response.created, response.output_item.added,
//   response.output_text.delta, response.output_item.done, response.completed / response.failed.
//   With an empty script it answers a short text reply, so an unscripted request never hangs.
// - `GET /v1/models` answers `{"models":[]}` (codex asks for it when refreshing its model list).
// - Anything else is answered 404 and recorded in `unknownRoutes`, so a caller can see what codex asked.
// Every request body is kept (parsed) in `requests`, with a short `summary` for transcripts.
// Ids are counters (resp_1, msg_1, call_1 …) so that two runs stream the same bytes.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One scripted answer to one `POST /v1/responses`. */
export type Reply =
  /** A streamed assistant message: `text` cut into `deltas` pieces (default 5), `delayMs` apart (default 0). */
  | { kind: 'text'; text: string; deltas?: number; delayMs?: number }
  /** A function call (a tool call codex runs), e.g. `exec_command` with `{cmd, sandbox_permissions, justification}`. */
  | { kind: 'functionCall'; name: string; arguments: Record<string, unknown>; text?: string }
  /** A stream that starts and then ends in `response.failed` with this error. */
  | { kind: 'failed'; message: string; code?: string; afterDeltas?: string[] }
  /** A stream that sends these deltas and then just ends, with neither response.completed nor response.failed. */
  | { kind: 'cut'; afterDeltas: string[] }
  /** A plain HTTP error answer (no stream), e.g. 500 to make codex retry. */
  | { kind: 'httpError'; status: number; body?: unknown }

export interface RecordedRequest {
  method: string
  path: string
  /** The parsed JSON body (undefined for a body that is empty or not JSON). */
  body: unknown
  /** Which reply answered it (undefined for routes other than /v1/responses). */
  reply?: Reply['kind']
  receivedAtMs: number
}

export interface RequestSummary {
  model: unknown
  instructionsLength: number
  inputItems: string[]
  tools: string[]
  toolChoice: unknown
  parallelToolCalls: unknown
  stream: unknown
  store: unknown
  reasoning: unknown
  text: unknown
  include: unknown
  promptCacheKey: boolean
  otherKeys: string[]
}

export interface FakeResponsesApiOptions {
  /** Replies given in order, one per `POST /v1/responses`; `enqueue` adds more later. */
  replies?: Reply[]
  /**
   * Picks a reply from the request itself (e.g. a text answer once the input ends in a tool's output);
   * consulted before the script, which is used when this returns undefined. `earlier` holds the
   * /v1/responses requests received before this one.
   */
  choose?: (body: unknown, earlier: RecordedRequest[]) => Reply | undefined
  /** Used when the script is empty (default: a one-delta text reply "ok"). */
  fallback?: Reply
  port?: number
  /** Called with every request as it arrives (before it is answered). */
  onRequest?: (request: RecordedRequest) => void
}

export interface FakeResponsesApi {
  /** `http://127.0.0.1:PORT/v1`, the provider's base_url. */
  baseUrl: string
  port: number
  requests: RecordedRequest[]
  unknownRoutes: string[]
  enqueue(...replies: Reply[]): void
  /** Resolves when the number of /v1/responses requests received reaches `count`. */
  waitForResponsesRequests(count: number, timeoutMs?: number): Promise<void>
  close(): Promise<void>
}

/** Splits `text` into `count` pieces of nearly equal length (none empty unless text is shorter). */
export function splitIntoDeltas(text: string, count: number): string[] {
  const pieces = Math.max(1, Math.min(count, text.length))
  const size = Math.ceil(text.length / pieces)
  const out: string[] = []
  for (let start = 0; start < text.length; start += size) out.push(text.slice(start, start + size))
  return out
}

/** The last input item of a /v1/responses request body (what the model is answering). */
export function lastInputItem(body: unknown): Record<string, unknown> | undefined {
  const input = (body as { input?: unknown } | undefined)?.input
  return Array.isArray(input) ? (input[input.length - 1] as Record<string, unknown>) : undefined
}

/** A `config.toml` that makes codex use the fake at `baseUrl`. */
export function codexConfigToml(baseUrl: string, model = 'fake-model', extra = ''): string {
  return [
    'model_provider = "fake"',
    `model = "${model}"`,
    extra,
    '[model_providers.fake]',
    'name = "fake"',
    `base_url = "${baseUrl}"`,
    'wire_api = "responses"',
    'requires_openai_auth = false',
    '',
  ].join('\n')
}

export function summarizeRequest(body: unknown): RequestSummary {
  const record = (body ?? {}) as Record<string, unknown>
  const input = Array.isArray(record.input) ? (record.input as Record<string, unknown>[]) : []
  const tools = Array.isArray(record.tools) ? (record.tools as Record<string, unknown>[]) : []
  const known = ['model', 'instructions', 'input', 'tools', 'tool_choice', 'parallel_tool_calls', 'stream', 'store', 'reasoning', 'text', 'include', 'prompt_cache_key']
  return {
    model: record.model,
    instructionsLength: typeof record.instructions === 'string' ? record.instructions.length : 0,
    inputItems: input.map(describeInputItem),
    tools: tools.map((tool) => String(tool.name ?? tool.type)),
    toolChoice: record.tool_choice,
    parallelToolCalls: record.parallel_tool_calls,
    stream: record.stream,
    store: record.store,
    reasoning: record.reasoning,
    text: record.text,
    include: record.include,
    promptCacheKey: typeof record.prompt_cache_key === 'string',
    otherKeys: Object.keys(record).filter((key) => !known.includes(key)),
  }
}

// "message/user: hello", "function_call_output: …" — enough to see what the model was shown.
function describeInputItem(item: Record<string, unknown>): string {
  const type = String(item.type ?? 'message')
  if (type === 'message') {
    const content = Array.isArray(item.content) ? (item.content as Record<string, unknown>[]) : []
    const text = content.map((part) => String(part.text ?? `[${String(part.type)}]`)).join('')
    return `message/${String(item.role)}: ${clip(text)}`
  }
  if (type === 'function_call') return `function_call ${String(item.name)}(${clip(String(item.arguments))})`
  if (type === 'function_call_output') {
    const output = typeof item.output === 'string' ? item.output : JSON.stringify(item.output)
    return `function_call_output: ${clip(output)}`
  }
  return type
}

function clip(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ')
  return flat.length > max ? `${flat.slice(0, max)}… (${text.length} chars)` : flat
}

const usage = { input_tokens: 100, input_tokens_details: { cached_tokens: 0 }, output_tokens: 10, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 110 }

export async function startFakeResponsesApi(options: FakeResponsesApiOptions = {}): Promise<FakeResponsesApi> {
  const script: Reply[] = [...(options.replies ?? [])]
  const fallback: Reply = options.fallback ?? { kind: 'text', text: 'ok', deltas: 1 }
  const requests: RecordedRequest[] = []
  const unknownRoutes: string[] = []
  const waiters: { count: number; resolve: () => void }[] = []
  const started = Date.now()
  let counter = 0
  const nextId = (prefix: string) => `${prefix}_${++counter}`
  const openResponses = new Set<ServerResponse>()

  const responsesCount = () => requests.filter((request) => request.path === '/v1/responses').length

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    const raw = Buffer.concat(chunks).toString('utf8')
    let body: unknown
    try { body = raw ? JSON.parse(raw) : undefined } catch { body = undefined }
    const path = (request.url ?? '/').split('?')[0]!
    const recorded: RecordedRequest = { method: request.method ?? 'GET', path, body, receivedAtMs: Date.now() - started }
    requests.push(recorded)

    if (request.method !== 'POST' || path !== '/v1/responses') options.onRequest?.(recorded)
    if (request.method === 'GET' && path === '/v1/models') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ models: [] }))
      return
    }
    if (request.method !== 'POST' || path !== '/v1/responses') {
      unknownRoutes.push(`${recorded.method} ${path}`)
      response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `fake-responses-api: no route ${recorded.method} ${path}` } }))
      return
    }
    const reply = options.choose?.(body, requests.filter((r) => r !== recorded && r.path === '/v1/responses')) ?? script.shift() ?? fallback
    recorded.reply = reply.kind
    options.onRequest?.(recorded)
    for (const waiter of waiters.filter((w) => responsesCount() >= w.count)) {
      waiters.splice(waiters.indexOf(waiter), 1)
      waiter.resolve()
    }
    if (reply.kind === 'httpError') {
      response.writeHead(reply.status, { 'content-type': 'application/json' })
        .end(JSON.stringify(reply.body ?? { error: { message: `fake-responses-api: scripted HTTP ${reply.status}`, type: 'server_error' } }))
      return
    }
    await stream(response, reply)
  }

  async function stream(response: ServerResponse, reply: Exclude<Reply, { kind: 'httpError' }>): Promise<void> {
    openResponses.add(response)
    response.on('close', () => openResponses.delete(response))
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' })
    const send = (event: Record<string, unknown>) => {
      if (!response.destroyed) response.write(`event: ${String(event.type)}\ndata: ${JSON.stringify(event)}\n\n`)
    }
    const responseId = nextId('resp')
    send({ type: 'response.created', response: { id: responseId } })

    if (reply.kind === 'failed' || reply.kind === 'cut') {
      const messageId = nextId('msg')
      if (reply.afterDeltas?.length) {
        send({ type: 'response.output_item.added', output_index: 0, item: { type: 'message', role: 'assistant', id: messageId, content: [] } })
        for (const delta of reply.afterDeltas) send({ type: 'response.output_text.delta', item_id: messageId, output_index: 0, content_index: 0, delta })
      }
      if (reply.kind === 'cut') {
        response.end()
        return
      }
      send({ type: 'response.failed', response: { id: responseId, status: 'failed', error: { code: reply.code ?? 'server_error', message: reply.message } } })
      response.end()
      return
    }

    let outputIndex = 0
    if (reply.kind === 'text' || (reply.kind === 'functionCall' && reply.text)) {
      const text = reply.kind === 'text' ? reply.text : reply.text!
      const messageId = nextId('msg')
      const pieces = splitIntoDeltas(text, reply.kind === 'text' ? (reply.deltas ?? 5) : 1)
      const delayMs = reply.kind === 'text' ? (reply.delayMs ?? 0) : 0
      send({ type: 'response.output_item.added', output_index: outputIndex, item: { type: 'message', role: 'assistant', id: messageId, status: 'in_progress', content: [] } })
      for (const delta of pieces) {
        if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs))
        if (response.destroyed) return
        send({ type: 'response.output_text.delta', item_id: messageId, output_index: outputIndex, content_index: 0, delta })
      }
      send({
        type: 'response.output_item.done',
        output_index: outputIndex,
        item: { type: 'message', role: 'assistant', id: messageId, status: 'completed', content: [{ type: 'output_text', text, annotations: [] }] },
      })
      outputIndex++
    }
    if (reply.kind === 'functionCall') {
      const item = { type: 'function_call', id: nextId('fc'), call_id: nextId('call'), name: reply.name, arguments: JSON.stringify(reply.arguments), status: 'completed' }
      send({ type: 'response.output_item.added', output_index: outputIndex, item: { ...item, arguments: '', status: 'in_progress' } })
      send({ type: 'response.output_item.done', output_index: outputIndex, item })
    }
    send({ type: 'response.completed', response: { id: responseId, status: 'completed', usage } })
    response.end()
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500).end(String(error))
      else response.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    unknownRoutes,
    enqueue: (...replies) => { script.push(...replies) },
    waitForResponsesRequests: (count, timeoutMs = 30_000) => new Promise<void>((resolve, reject) => {
      if (responsesCount() >= count) return resolve()
      const timer = setTimeout(() => reject(new Error(`fake-responses-api: ${responsesCount()} of ${count} requests after ${timeoutMs} ms`)), timeoutMs)
      waiters.push({ count, resolve: () => { clearTimeout(timer); resolve() } })
    }),
    close: async () => {
      for (const response of openResponses) response.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
