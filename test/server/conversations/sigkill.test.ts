// Durability under SIGKILL: every append the store acknowledged to a process killed at a random
// moment is there when the store is opened again, in order.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore, tempHome } from './helpers.js'

let home: string
let cleanup: () => void
let childScript: string

beforeAll(async () => {
  ;({ home, cleanup } = tempHome())
  childScript = join(home, 'append-child.mjs')
  await build({
    entryPoints: [join(import.meta.dirname, 'append-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: childScript,
    logLevel: 'silent',
  })
})
afterAll(() => cleanup())

/** Runs the child until it has acknowledged some appends, kills it after a random delay, returns its acks. */
async function runAndKill(round: number): Promise<Map<string, number>> {
  const child = spawn(process.execPath, [childScript, join(home, 'store'), String(round)], { stdio: ['ignore', 'pipe', 'pipe'] })
  const acked = new Map<string, number>()
  let buffered = ''
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)))
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk
      const lines = buffered.split('\n')
      buffered = lines.pop()!
      for (const line of lines) {
        const [, id, seq] = line.split(' ')
        acked.set(id!, Number(seq))
      }
      if ([...acked.values()].some((seq) => seq >= 20)) resolve()
    })
    child.on('exit', () => reject(new Error(`the child exited before it was killed: ${stderr}`)))
  })
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 300))
  child.kill('SIGKILL')
  expect(await exited).toBe('SIGKILL')
  // Lines that arrived between the kill and the exit are acknowledged too.
  for (const line of buffered.split('\n')) if (line.startsWith('ack ')) acked.set(line.split(' ')[1]!, Number(line.split(' ')[2]))
  return acked
}

describe('FileThreadStore durability', () => {
  it('keeps every acknowledged append when the process is killed with SIGKILL at a random moment', async () => {
    for (let round = 0; round < 3; round++) {
      const acked = await runAndKill(round)
      expect(acked.size).toBe(4)
      // The dead child's lock is taken over; its index file is stale and the histories win.
      const { store } = await openStore(join(home, 'store'))
      for (const [id, lastAcked] of acked) {
        const history = await store.read(id)
        const seqs = history.records.map((record) => record.seq as number)
        // In order, nothing missing, nothing twice; possibly more than acknowledged (written but not yet reported).
        expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, n) => n))
        expect(seqs.length).toBeGreaterThanOrEqual(lastAcked + 1)
        expect(store.get(id)!.summary.updatedAtMs).toBeGreaterThanOrEqual(lastAcked)
        expect(store.get(id)!.summary.updatedAtMs).toBe(history.summary.updatedAtMs)
      }
      await store.close()
    }
  })
})
