// The server's table of requests to its clients, on its own: ids from one counter, one id for
// several connections, the first answer wins, answers checked against the result type, what
// happens when connections close, re-sending to a late subscriber, withdrawing, time limits.
import { describe, expect, it } from 'vitest'
import { ServerRequests } from '../../server/core/server-requests.js'
import { RpcError } from '../../server/handler-types.js'
import { createLogger } from '../../server/log.js'
import { loadProtocolModel } from '../../server/model/protocol-model.js'
import { ParamsValidator } from '../../server/validation/params-validator.js'
import { repoRoot } from './helpers/spawn-server.js'

const model = loadProtocolModel(repoRoot)
const validator = new ParamsValidator(model)
const APPROVAL = 'item/commandExecution/requestApproval'

function table(options: { refuse?: number[] } = {}) {
  const sent: { connectionId: number; id: number; method: string }[] = []
  const log: string[] = []
  const open = new Set([1, 2, 3])
  const requests = new ServerRequests(model, {
    send: (connectionId, id, method) => {
      if (options.refuse?.includes(connectionId)) throw new RpcError(-32600, `${method} requires experimentalApi capability`)
      if (!open.has(connectionId)) return false
      sent.push({ connectionId, id, method })
      return true
    },
    label: (connectionId) => `c${connectionId}`,
    validate: (typeName, value) => validator.validate(typeName, value),
  }, createLogger('debug', (line) => { log.push(line) }))
  return { requests, sent, log, open }
}

const settled = (promise: Promise<unknown>) => promise.then((value) => ({ value }), (error: unknown) => ({ error }))

describe('ServerRequests', () => {
  it('sends one id to several connections; the first answer wins and a second is ignored with one line', async () => {
    const { requests, sent, log } = table()
    const first = requests.send([1, 2], APPROVAL, {}, { whenAbandoned: 'wait' })
    const second = requests.send([2], APPROVAL, {}, { whenAbandoned: 'wait' })
    expect(sent.map((entry) => [entry.connectionId, entry.id])).toEqual([[1, 0], [2, 0], [2, 1]])
    requests.answer(2, '0', { result: { decision: 'accept' } })
    requests.answer(1, '0', { result: { decision: 'decline' } })
    expect(await first.answer).toEqual({ decision: 'accept' })
    expect(log.filter((line) => line.includes('ignored an answer to server request 0'))).toHaveLength(1)
    expect(requests.waiting).toBe(1)
    second.withdraw()
    expect(requests.waiting).toBe(0)
  })

  it('rejects a malformed answer and a JSON-RPC error with what was wrong', async () => {
    const { requests, log } = table()
    const malformed = requests.send([1], APPROVAL, {}, { whenAbandoned: 'fail' })
    requests.answer(1, '0', { result: { decision: 'maybe' } })
    const outcome = await settled(malformed.answer)
    expect((outcome as { error: RpcError }).error).toBeInstanceOf(RpcError)
    expect((outcome as { error: RpcError }).error.message).toMatch(/^invalid answer to item\/commandExecution\/requestApproval: /)
    expect(log.some((line) => line.includes('is not a valid CommandExecutionRequestApprovalResponse'))).toBe(true)
    const refused = requests.send([1], APPROVAL, {}, { whenAbandoned: 'fail' })
    requests.answer(1, '1', { error: new RpcError(-32000, 'no') })
    expect(await settled(refused.answer)).toEqual({ error: new RpcError(-32000, 'no') })
  })

  it('a one-connection request fails when its connection closes; a shared one waits and is sent again to a newcomer', async () => {
    const { requests, sent } = table()
    const own = requests.send([1], APPROVAL, {}, { whenAbandoned: 'fail' })
    const shared = requests.send([1], APPROVAL, {}, { whenAbandoned: 'wait' })
    requests.connectionClosed(1)
    expect(((await settled(own.answer)) as { error: Error }).error.message).toBe(`the connection closed before the client answered ${APPROVAL}`)
    expect(requests.waiting).toBe(1)
    expect(shared.sendTo(3)).toBe(true)
    expect(sent.at(-1)).toEqual({ connectionId: 3, id: shared.id, method: APPROVAL })
    requests.answer(3, String(shared.id), { result: { decision: 'cancel' } })
    expect(await shared.answer).toEqual({ decision: 'cancel' })
    expect(shared.sendTo(2)).toBe(false)
  })

  it('a client that may not receive the request: a one-connection request fails with that reason; a shared one skips it', async () => {
    const { requests, sent, log } = table({ refuse: [1] })
    const own = requests.send([1], APPROVAL, {}, { whenAbandoned: 'fail' })
    expect(((await settled(own.answer)) as { error: Error }).error.message).toBe(`${APPROVAL} requires experimentalApi capability`)
    const shared = requests.send([1, 2], APPROVAL, {}, { whenAbandoned: 'wait' })
    expect(sent.map((entry) => entry.connectionId)).toEqual([2])
    expect(log.filter((line) => line.includes(`c1: not sending ${APPROVAL} (id ${shared.id})`))).toHaveLength(1)
    shared.withdraw()
  })

  it('gives up after the time limit, and settles nothing once withdrawn', async () => {
    const { requests } = table()
    const limited = requests.send([1], APPROVAL, {}, { whenAbandoned: 'fail', timeoutMs: 20 })
    expect(((await settled(limited.answer)) as { error: Error }).error.message).toBe(`the client did not answer ${APPROVAL} within 20 ms`)
    const withdrawn = requests.send([1], APPROVAL, {}, { whenAbandoned: 'wait' })
    expect(withdrawn.withdraw()).toBe(true)
    expect(withdrawn.withdraw()).toBe(false)
    requests.answer(1, String(withdrawn.id), { result: { decision: 'accept' } })
    const race = await Promise.race([withdrawn.answer.then(() => 'settled'), new Promise((resolve) => setTimeout(() => resolve('pending'), 30))])
    expect(race).toBe('pending')
  })
})
