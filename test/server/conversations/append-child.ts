// Child process of the SIGKILL test: appends to a few threads as fast as it can and prints
// "ack <thread> <seq>" for every append the store has acknowledged, until it is killed.
import { FileThreadStore } from '../../../server/conversations/file-thread-store.js'

const [home, round] = process.argv.slice(2) as [string, string]
const THREADS = 4
const IN_FLIGHT = 8

const store = await FileThreadStore.open(home, { indexSaveDelayMs: 50 })
const threadIds = Array.from({ length: THREADS }, (_, n) => `kill-${round}-${n}`)
for (const id of threadIds) {
  await store.create({ id, createdAtMs: 0, updatedAtMs: 0, cwd: '/', sourceKind: 'cli', modelProvider: 'openai', preview: '' })
  process.stdout.write(`ack ${id} -1\n`)
}
const next = new Map(threadIds.map((id) => [id, 0]))
const pad = 'x'.repeat(200)

function appendNext(id: string): void {
  const seq = next.get(id)!
  next.set(id, seq + 1)
  store.append(id, [{ type: 'item', seq, pad }], { updatedAtMs: seq }).then(
    () => {
      process.stdout.write(`ack ${id} ${seq}\n`)
      appendNext(id)
    },
    (error: Error) => {
      process.stderr.write(`append failed: ${error.message}\n`)
      process.exit(1)
    },
  )
}
for (const id of threadIds) for (let n = 0; n < IN_FLIGHT; n++) appendNext(id)
