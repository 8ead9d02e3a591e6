// Compares the reference server's answers to a probe session with codex's recorded ones, step by
// step: node bench/probe/compare.js <session> (after PROBE_SERVER=reference node bench/probe/ecosystem.js <session>).
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const session = process.argv[2] ?? 'plugins'
const codex = JSON.parse(readFileSync(join(here, '../../test/server/fixtures/codex-0.169.0/methods', `ecosystem-${session}.json`), 'utf8')).steps
const ours = JSON.parse(readFileSync(join(tmpdir(), `reference-ecosystem-${session}.json`), 'utf8')).steps
// Ids and times differ by nature; the rest should not.
const normal = (value) => JSON.stringify(value ?? null, (key, item) => (key === 'emittedAtMs' ? undefined : item))
  .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>')
let differences = 0
for (const [index, step] of codex.entries()) {
  if (step.method === undefined) continue
  const mine = ours[index]
  for (const part of ['answer', 'notifications']) {
    const [theirs, ourPart] = [normal(step[part]), normal(mine?.[part])]
    if (theirs === ourPart) continue
    differences++
    console.log(`#${index} ${step.method} ${JSON.stringify(step.params)} ${part}\n  codex: ${theirs.slice(0, 600)}\n  ours:  ${ourPart.slice(0, 600)}`)
  }
}
console.log(`${differences} difference(s)`)
