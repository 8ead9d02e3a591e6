// The JSON Schema of the scenario format, generated from its TypeBox definition and committed as
// scenario.schema.json so editors can check scenario files (`"$schema": "…/scenario.schema.json"`).
// Same definition, same bytes: a test fails when the committed file drifts.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Scenario } from './scenario-format.js'

/** Where the schema is committed, relative to the repository root. */
export const SCENARIO_SCHEMA_PATH = 'server/conversations/scenarios/scenario.schema.json'

export function scenarioSchemaText(): string {
  const schema = { $schema: 'http://json-schema.org/draft-07/schema#', ...Scenario }
  return `${JSON.stringify(schema, null, 2)}\n`
}

/** Writes the schema (or with `check`, only compares it); returns whether the file was up to date. */
export function writeScenarioSchema(repoRoot: string, check: boolean): boolean {
  const path = join(repoRoot, SCENARIO_SCHEMA_PATH)
  const wanted = scenarioSchemaText()
  let current: string | undefined
  try {
    current = readFileSync(path, 'utf8')
  } catch {
    current = undefined
  }
  if (current === wanted) return true
  if (!check) writeFileSync(path, wanted)
  return false
}

/** `write-scenario-schema [--check]`: the exit status is 1 when --check finds the file out of date. */
export function main(argv: readonly string[], repoRoot: string): number {
  const check = argv.includes('--check')
  const upToDate = writeScenarioSchema(repoRoot, check)
  if (check && !upToDate) {
    process.stderr.write(`${SCENARIO_SCHEMA_PATH} is out of date: run npm run write-scenario-schema\n`)
    return 1
  }
  process.stdout.write(upToDate ? `${SCENARIO_SCHEMA_PATH} is up to date\n` : `wrote ${SCENARIO_SCHEMA_PATH}\n`)
  return 0
}
