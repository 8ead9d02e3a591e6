// Outgoing messages, in codex's member order and without a `jsonrpc` member. Ids arrive as their
// JSON text (see request-id.ts) and are spliced in unchanged.

export function encodeResult(id: string, result: unknown): string {
  return `{"id":${id},"result":${JSON.stringify(result) ?? 'null'}}`
}

export function encodeError(id: string, code: number, message: string, data?: unknown): string {
  const extra = data === undefined ? '' : `,"data":${JSON.stringify(data)}`
  return `{"error":{"code":${code},"message":${JSON.stringify(message)}${extra}},"id":${id}}`
}

export function encodeNotification(method: string, params: unknown): string {
  const body = params === undefined ? '' : `,"params":${JSON.stringify(params)}`
  return `{"method":${JSON.stringify(method)}${body},"emittedAtMs":${Date.now()}}`
}

export function encodeRequest(id: number, method: string, params: unknown): string {
  const body = params === undefined ? '' : `,"params":${JSON.stringify(params)}`
  return `{"id":${id},"method":${JSON.stringify(method)}${body}}`
}
