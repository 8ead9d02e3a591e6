import { describe, expect, it } from 'vitest'
import { Scheduler } from '../../server/scheduling/scheduler.js'
import { loadProtocolModel } from '../../server/model/protocol-model.js'
import { resolveScopeKey } from '../../server/scheduling/scope-key.js'
import { repoRoot } from './helpers/spawn-server.js'

/** A job that records when it starts and finishes only when released. */
function gatedJob(log: string[], name: string, connectionId = 1) {
  let release!: () => void
  const done = new Promise<void>((resolve) => { release = resolve })
  return {
    job: { connectionId, bytes: 10, run: async () => { log.push(`start ${name}`); await done; log.push(`end ${name}`) } },
    release: () => release(),
  }
}
const tick = () => new Promise((resolve) => setImmediate(resolve))

describe('Scheduler', () => {
  it('runs one key in arrival order and different keys in parallel', async () => {
    const log: string[] = []
    const scheduler = new Scheduler({ maxQueuedJobs: 10, maxQueuedBytes: 1000 })
    const a1 = gatedJob(log, 'a1')
    const a2 = gatedJob(log, 'a2')
    const b1 = gatedJob(log, 'b1')
    scheduler.submit('a', false, a1.job)
    scheduler.submit('a', false, a2.job)
    scheduler.submit('b', false, b1.job)
    await tick()
    expect(log).toEqual(['start a1', 'start b1'])
    b1.release()
    await tick()
    a1.release()
    await tick()
    expect(log).toEqual(['start a1', 'start b1', 'end b1', 'end a1', 'start a2'])
    a2.release()
    await tick()
    expect(scheduler.activeQueues).toBe(0)
  })

  it('batches consecutive shared reads at the head, and exclusive jobs wait for them', async () => {
    const log: string[] = []
    const scheduler = new Scheduler({ maxQueuedJobs: 10, maxQueuedBytes: 1000 })
    const r1 = gatedJob(log, 'r1')
    const r2 = gatedJob(log, 'r2')
    const w = gatedJob(log, 'w')
    const r3 = gatedJob(log, 'r3')
    scheduler.submit('config', true, r1.job)
    scheduler.submit('config', true, r2.job)
    scheduler.submit('config', false, w.job)
    scheduler.submit('config', true, r3.job)
    await tick()
    expect(log).toEqual(['start r1', 'start r2'])
    r1.release()
    await tick()
    expect(log).not.toContain('start w')
    r2.release()
    await tick()
    expect(log.slice(-1)).toEqual(['start w'])
    w.release()
    await tick()
    expect(log.slice(-2)).toEqual(['end w', 'start r3'])
    r3.release()
  })

  it('refuses jobs when a busy queue is full (count or bytes)', async () => {
    const log: string[] = []
    const scheduler = new Scheduler({ maxQueuedJobs: 2, maxQueuedBytes: 25 })
    const running = gatedJob(log, 'running')
    expect(scheduler.submit('k', false, running.job)).toBe(true)
    expect(scheduler.submit('k', false, gatedJob(log, 'q1').job)).toBe(true)
    expect(scheduler.submit('k', false, gatedJob(log, 'q2').job)).toBe(true)
    expect(scheduler.submit('k', false, gatedJob(log, 'q3').job)).toBe(false)
    const big = new Scheduler({ maxQueuedJobs: 10, maxQueuedBytes: 15 })
    expect(big.submit('k', false, gatedJob(log, 'r').job)).toBe(true)
    expect(big.submit('k', false, gatedJob(log, 'w1').job)).toBe(true)
    expect(big.submit('k', false, gatedJob(log, 'w2').job)).toBe(false)
    running.release()
  })

  it('drops the waiting jobs of a closed connection', async () => {
    const log: string[] = []
    const scheduler = new Scheduler({ maxQueuedJobs: 10, maxQueuedBytes: 1000 })
    const first = gatedJob(log, 'first', 1)
    scheduler.submit('k', false, first.job)
    scheduler.submit('k', false, gatedJob(log, 'closed', 2).job)
    const other = gatedJob(log, 'other', 3)
    scheduler.submit('k', false, other.job)
    scheduler.dropConnection(2)
    first.release()
    await tick()
    expect(log).toEqual(['start first', 'end first', 'start other'])
    other.release()
  })
})

describe('resolveScopeKey', () => {
  it('derives keys from the scope and the params', () => {
    expect(resolveScopeKey({ kind: 'none' }, {}, 1)).toBeUndefined()
    expect(resolveScopeKey({ kind: 'global', bucket: 'config' }, {}, 1)).toEqual({ key: 'global:config', shared: false })
    expect(resolveScopeKey({ kind: 'globalSharedRead', bucket: 'config' }, {}, 1)).toEqual({ key: 'global:config', shared: true })
    expect(resolveScopeKey({ kind: 'thread', field: 'threadId' }, { threadId: 't1' }, 1)).toEqual({ key: 'thread:t1', shared: false })
    expect(resolveScopeKey({ kind: 'optionalThread', field: 'threadId' }, {}, 1)).toBeUndefined()
  })

  it('uses the thread id when non-empty, else the path', () => {
    const scope = { kind: 'threadOrPath', threadField: 'threadId', pathField: 'path' } as const
    expect(resolveScopeKey(scope, { threadId: 't', path: '/p' }, 1)?.key).toBe('thread:t')
    expect(resolveScopeKey(scope, { threadId: '', path: '/p' }, 1)?.key).toBe('path:/p')
  })

  it('keys ids per connection when the model flags the scope per-connection, and across connections otherwise', () => {
    const watch = { kind: 'fsWatch', field: 'watchId', perConnection: true } as const
    expect(resolveScopeKey(watch, { watchId: 'w' }, 1)?.key).not.toBe(resolveScopeKey(watch, { watchId: 'w' }, 2)?.key)
    const write = { kind: 'commandProcess', field: 'processId', perConnection: true } as const
    const exec = { kind: 'optionalCommandProcess', field: 'processId', perConnection: true } as const
    expect(resolveScopeKey(write, { processId: 'p' }, 1)?.key).toBe(resolveScopeKey(exec, { processId: 'p' }, 1)?.key)
    expect(resolveScopeKey(write, { processId: 'p' }, 1)?.key).not.toBe(resolveScopeKey(write, { processId: 'p' }, 2)?.key)
    expect(resolveScopeKey(exec, { processId: null }, 1)).toBeUndefined()
    expect(resolveScopeKey({ kind: 'fuzzySession', field: 'sessionId' }, { sessionId: 's' }, 1)?.key).toBe(resolveScopeKey({ kind: 'fuzzySession', field: 'sessionId' }, { sessionId: 's' }, 2)?.key)
    expect(resolveScopeKey({ kind: 'mcpOauthServer', field: 'name' }, { name: 'n' }, 1)?.key).toBe('mcpOauthServer:n')
  })

  it('reads the per-connection flag from the meta model', () => {
    const model = loadProtocolModel(repoRoot)
    const scopeOf = (method: string) => model.clientRequests.get(method)!.scope
    expect(scopeOf('fs/watch').perConnection).toBe(true)
    expect(scopeOf('command/exec/write').perConnection).toBe(true)
    expect(scopeOf('process/kill').perConnection).toBe(true)
    expect(scopeOf('fuzzyFileSearch/sessionStart').perConnection).toBeUndefined()
    expect(resolveScopeKey(scopeOf('fs/watch'), { watchId: 'w' }, 3)?.key).toBe('fsWatch:3:w')
  })
})
