// Replays a real Codex TUI session (test/server/fixtures/codex-tui-0.169.0-session.jsonl) against
// the reference server: every request the TUI sent, in its order, with its exact params and ids,
// answers to the server's approval requests as the user gave them, and each message sent only once
// the server had sent what the TUI had seen by then. Ids the server makes (threads, turns, items,
// cursors) are mapped from the recording to the replay by walking each recorded answer beside the
// replayed one (and each notification beside the one of the same kind and rank).
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Received } from '../helpers/wire-client.js'
import { eventually } from '../helpers/spawn-server.js'
import { ConversationHarness } from './conversation-harness.js'

interface Frame { dir: 'c->s' | 's->c'; msg: Record<string, any> } // eslint-disable-line @typescript-eslint/no-explicit-any

const frames: Frame[] = readFileSync(new URL('../fixtures/codex-tui-0.169.0-session.jsonl', import.meta.url), 'utf8')
  .trim().split('\n').slice(1).map((line) => JSON.parse(line) as Frame)

/** Server messages that mark progress the TUI waited for before its next message. */
const MILESTONES = new Set(['turn/started', 'turn/completed', 'item/commandExecution/requestApproval', 'thread/started'])
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g

let harness: ConversationHarness
beforeAll(async () => { harness = await ConversationHarness.start() })
afterAll(() => harness.stop())

it('serves a recorded Codex TUI session: every request answered alike, approvals and turns in order', async () => {
  const client = await harness.open()
  const ids = new Map<string, string>()
  const translate = (text: string) => text.replace(UUID, (id) => ids.get(id) ?? id)
  const learn = (recorded: unknown, replayed: unknown) => walk(recorded, replayed, (a, b) => {
    for (const [index, id] of [...a.matchAll(UUID)].entries()) {
      const mine = [...b.matchAll(UUID)][index]?.[0]
      if (mine !== undefined && !ids.has(id[0])) ids.set(id[0], mine)
    }
  })
  /** Pairs the k-th recorded notification of each method before `index` with the k-th one received. */
  const learnFromNotifications = (index: number) => {
    const recorded = new Map<string, Record<string, unknown>[]>()
    for (const frame of frames.slice(0, index)) {
      if (frame.dir !== 's->c' || typeof frame.msg.method !== 'string' || 'id' in frame.msg) continue
      recorded.set(frame.msg.method, [...(recorded.get(frame.msg.method) ?? []), frame.msg.params])
    }
    for (const [method, list] of recorded) {
      const replayed = client.received.filter((received) => received.json.method === method && !('id' in received.json))
      list.forEach((params, k) => { if (replayed[k]) learn(params, replayed[k]!.json.params) })
    }
  }
  const seen = new Map<string, number>()
  const count = (method: string) => client.received.filter((message) => message.json.method === method).length

  for (const [index, frame] of frames.entries()) {
    if (frame.dir === 's->c') {
      const method = frame.msg.method as string | undefined
      if (method !== undefined && MILESTONES.has(method)) seen.set(method, (seen.get(method) ?? 0) + 1)
      continue
    }
    // Wait until the server has sent what the TUI had received before this message.
    for (const [method, expected] of seen) {
      await eventually(() => count(method) >= expected, 10_000, `${method} #${expected} before message ${index}`).catch(() => undefined)
      expect({ index, method, count: count(method) }).toEqual({ index, method, count: expected })
    }
    learnFromNotifications(index)
    const message = frame.msg
    if (message.method === undefined) {
      // The user's answer to a server request: find ours of the same kind and answer it alike.
      const request = frames.slice(0, index).findLast((earlier) => earlier.dir === 's->c' && earlier.msg.id === message.id && earlier.msg.method)!
      const ours = client.received.filter((received) => received.json.method === request.msg.method && 'id' in received.json).at(-1)!
      learn(request.msg.params, ours.json.params)
      client.send({ id: ours.json.id, result: JSON.parse(translate(JSON.stringify(message.result))) })
      continue
    }
    client.sendText(translate(JSON.stringify(message)))
    if (message.id === undefined) continue
    const recorded = frames.slice(index).find((later) => later.dir === 's->c' && JSON.stringify(later.msg.id) === JSON.stringify(message.id) && !later.msg.method)!
    const answer: Received = await client.waitFor((received) => JSON.stringify(received.json.id) === JSON.stringify(message.id) && !received.json.method, 10_000, `the answer to ${message.method}`)
    if (recorded.msg.error) {
      expect({ method: message.method, error: answer.json.error }).toEqual({ method: message.method, error: JSON.parse(translate(JSON.stringify(recorded.msg.error))) })
    } else {
      expect({ method: message.method, error: answer.json.error }).toEqual({ method: message.method, error: undefined })
      learn(recorded.msg.result, answer.json.result)
    }
  }
  // The same turns ended the same way.
  const outcomes = (messages: { method?: string; params?: any }[]) => messages.filter((message) => message.method === 'turn/completed').map((message) => message.params.turn.status) // eslint-disable-line @typescript-eslint/no-explicit-any
  expect(outcomes(client.received.map((received) => received.json))).toEqual(outcomes(frames.filter((frame) => frame.dir === 's->c').map((frame) => frame.msg)))
})

/** Calls `visit` with each pair of strings found at the same place in two JSON values. */
function walk(a: unknown, b: unknown, visit: (a: string, b: string) => void): void {
  if (typeof a === 'string' && typeof b === 'string') return visit(a, b)
  if (Array.isArray(a) && Array.isArray(b)) return a.forEach((item, index) => walk(item, b[index], visit))
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const [key, value] of Object.entries(a)) walk(value, (b as Record<string, unknown>)[key], visit)
  }
}
