// The committed fixtures/ and generated/ are exactly what the generator produces from protocol/:
// no file edited by hand, none missing, none left over. Fix a failure with
// `npm run write-app-server-schema`, never by editing the output.
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { protocol } from '../../protocol/index.js'
import { generate } from '../../generator/generate.js'
import { diffTree } from '../../generator/output/file-tree.js'

const REPO = join(import.meta.dirname, '..', '..')

test('the committed output equals the generation byte for byte, with no extra files', async () => {
  const { files, owned } = generate(protocol)
  const diff = await diffTree(REPO, files, owned)
  const report = [
    ...diff.changed.map((p) => `edited or stale: ${p}`),
    ...diff.added.map((p) => `missing: ${p}`),
    ...diff.removed.map((p) => `not generated: ${p}`),
  ]
  const shown = report.length > 40 ? [...report.slice(0, 40), `… and ${report.length - 40} more`] : report
  expect(shown, 'run `npm run write-app-server-schema` and commit the result').toEqual([])
  expect(diff.unchanged).toBe(files.size)
})
