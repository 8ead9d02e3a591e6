// write-app-server-schema with --version: one release's output only; an unknown one is one line.
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { SUPPORTED_VERSIONS } from '../../protocol/versions.js'
import { runNode } from '../cli/helpers/run-node.js'

const REPO = join(import.meta.dirname, '..', '..')

test('an unknown version: one line naming the supported ones, exit 2', async () => {
  const run = await runNode(REPO, 'bin/write-app-server-schema.js', ['--check', '--version', '0.170.0'])
  expect(run.stderr).toBe(`write-app-server-schema: unknown codex version "0.170.0" (supported: ${SUPPORTED_VERSIONS.join(', ')})\n`)
  expect(run.code).toBe(2)
})

test.each(SUPPORTED_VERSIONS)('--check --version %s checks that release\'s committed output alone', async (version) => {
  const run = await runNode(REPO, 'bin/write-app-server-schema.js', ['--check', '--version', version])
  expect(run.stderr).toBe('')
  expect(run.stdout).toMatch(/^write-app-server-schema --check: \d+ files match the definitions/)
  expect(run.code).toBe(0)
}, 60_000)
