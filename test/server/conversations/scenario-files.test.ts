// Scenario files: the committed JSON Schema is what the format definition generates and accepts
// every built-in; files in the home's scenarios folder are played (and win over a built-in of the
// same name); a file that does not parse or does not match fails the turn with one line naming
// the file, the step and the problem, and the server goes on.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { BUILTIN_SCENARIOS } from '../../../server/conversations/scenarios/builtin-scenarios.js'
import { SCENARIO_SCHEMA_PATH, scenarioSchemaText } from '../../../server/conversations/scenarios/scenario-json-schema.js'
import { ScenarioError, ScenarioLibrary } from '../../../server/conversations/scenarios/scenario-loader.js'
import { makeTempHome, repoRoot, runCli } from '../helpers/spawn-server.js'
import { call, harnessPerTest, runTurn, startThread } from './conversation-harness.js'
import { completedItems, scenarioPrompt } from './scenario-client.js'

const harness = harnessPerTest()

describe('the scenario JSON Schema', () => {
  it('is committed exactly as the format definition generates it (npm run write-scenario-schema)', () => {
    expect(readFileSync(join(repoRoot, SCENARIO_SCHEMA_PATH), 'utf8')).toBe(scenarioSchemaText())
  })

  it('accepts every built-in scenario, as the loader does', async () => {
    const validate = new Ajv({ strict: false }).compile(JSON.parse(scenarioSchemaText()))
    const library = new ScenarioLibrary('/nonexistent')
    for (const [name, scenario] of Object.entries(BUILTIN_SCENARIOS)) {
      expect(validate(scenario), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true)
      await expect(library.parse(JSON.stringify(scenario), name)).resolves.toEqual(scenario)
    }
  })
})

describe('bad scenario files', () => {
  const library = new ScenarioLibrary('/nonexistent')
  const cases: [string, string, string][] = [
    ['not JSON', '{"version": 1, "steps": [', 'scenario f.json: not JSON: '],
    ['another version', '{"version": 2, "steps": [{"type": "compaction"}]}', 'scenario f.json: version: must be 1'],
    ['no steps', '{"version": 1, "steps": []}', 'scenario f.json: steps: must NOT have fewer than 1 items'],
    ['an unknown step type', '{"version": 1, "steps": [{"type": "compaction"}, {"type": "dance"}]}', 'scenario f.json: step 2, type: must be one of "message", '],
    ['a step without its field', '{"version": 1, "steps": [{"type": "message"}]}', "scenario f.json: step 1 (message): must have required property 'text'"],
    ['a field of the wrong type', '{"version": 1, "steps": [{"type": "message", "text": "hi", "deltas": 0}]}', 'scenario f.json: step 1 (message): deltas: must be >= 1'],
    ['a misspelt member', '{"version": 1, "steps": [{"type": "command", "command": "ls", "aproval": "none"}]}', 'scenario f.json: step 1 (command): unknown member "aproval"'],
    ['a wrong nested value', '{"version": 1, "steps": [{"type": "fileChange", "changes": [{"path": "a", "kind": "move"}]}]}', 'scenario f.json: step 1 (fileChange): changes.0.kind: must be one of "add", "update", "delete"'],
  ]
  for (const [what, source, message] of cases) {
    it(`${what}: one line naming the file, the step and the problem`, async () => {
      const error = await library.parse(source, 'f.json').then(() => undefined, (caught: unknown) => caught)
      expect(error).toBeInstanceOf(ScenarioError)
      expect((error as Error).message.startsWith(message), (error as Error).message).toBe(true)
      expect((error as Error).message).not.toContain('\n')
    })
  }

  it('names outside the folder are refused', async () => {
    await expect(library.load('../etc/passwd')).rejects.toThrow('scenario name "../etc/passwd" is not a file name')
  })
})

describe('scenarios in the home folder', () => {
  it('are played by name and win over a built-in of the same name', async () => {
    const found = await harness()
    mkdirSync(join(found.home, 'scenarios'))
    writeFileSync(join(found.home, 'scenarios', 'greeting.json'), JSON.stringify({ version: 1, steps: [{ type: 'message', text: 'Hello from a file', deltas: 2 }] }))
    writeFileSync(join(found.home, 'scenarios', 'retry.json'), JSON.stringify({ version: 1, steps: [{ type: 'webSearch', query: 'mine' }] }))
    const client = await found.connect()
    const threadId = await startThread(client)
    const greeting = completedItems(await runTurn(client, threadId, scenarioPrompt('greeting')))
    expect(greeting.at(-1)).toMatchObject({ type: 'agentMessage', text: 'Hello from a file' })
    const retry = completedItems(await runTurn(client, threadId, scenarioPrompt('retry')))
    expect(retry.at(-1)).toMatchObject({ type: 'webSearch', query: 'mine' })
  })

  it('a broken file fails the turn with one line; an unknown name lists the built-ins; the server goes on', async () => {
    const found = await harness()
    mkdirSync(join(found.home, 'scenarios'))
    const file = join(found.home, 'scenarios', 'broken.json')
    writeFileSync(file, JSON.stringify({ version: 1, steps: [{ type: 'message', text: 'ok' }, { type: 'sleep', ms: -1 }] }))
    const client = await found.connect()
    const threadId = await startThread(client)
    const broken = await runTurn(client, threadId, scenarioPrompt('broken'))
    expect(broken.at(-1)!.json.params.turn).toMatchObject({ status: 'failed', error: { message: `scenario ${file}: step 2 (sleep): ms: must be >= 0` } })
    expect(broken.find((message) => message.json.method === 'error')!.json.params).toMatchObject({ willRetry: false, error: { message: `scenario ${file}: step 2 (sleep): ms: must be >= 0` } })
    const unknown = await runTurn(client, threadId, scenarioPrompt('nothing-here'))
    expect(unknown.at(-1)!.json.params.turn.error.message).toMatch(/^no scenario "nothing-here": neither .*nothing-here\.json nor a built-in \(built-ins: reasoning, plan, /)
    const next = await runTurn(client, threadId, 'still there?')
    expect(completedItems(next).at(-1)).toMatchObject({ text: 'You said: still there?' })
    expect((await call(client, 'thread/read', { threadId, includeTurns: true })).thread.turns).toHaveLength(3)
  })
})

describe('--scenario', () => {
  it('refuses, before starting, a scenario no turn could play: one line, exit 1; an empty name is a usage error', async () => {
    const home = makeTempHome('scenario-flag-')
    mkdirSync(join(home, 'scenarios'))
    writeFileSync(join(home, 'scenarios', 'broken.json'), '{"version": 1}')
    const missing = await runCli(['--home', home, '--scenario', 'nothing'])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/^reference-app-server: --scenario: no scenario "nothing": neither .*nothing\.json nor a built-in \(built-ins: [^\n]*\)\n$/)
    const broken = await runCli(['--home', home, '--scenario', 'broken'])
    expect(broken.stderr).toBe(`reference-app-server: --scenario: scenario ${join(home, 'scenarios', 'broken.json')}: must have required property 'steps'\n`)
    const empty = await runCli(['--home', home, '--scenario', ''])
    expect([empty.code, empty.stderr]).toEqual([2, 'reference-app-server: --scenario needs a scenario name\n'])
  })
})
