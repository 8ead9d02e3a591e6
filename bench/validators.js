#!/usr/bin/env node
// What a consumer pays for the package's precompiled validators: load time of each variant (a fresh
// Node process each, so nothing is cached), the first check of every method's params and result
// (what a long session meets), and the time of one check of a typical result, next to the Ajv
// schema validator it replaces (which compiles each type on first use). Needs the built package
// (npm ci / npm run build-package). Usage: npm run bench:validators
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { importBundled, repoRoot } from '../bin/run-bundled.js'

const packageDir = join(repoRoot, 'packages/codex-app-server-protocol')
if (!existsSync(join(packageDir, 'package.json'))) {
  process.stderr.write('bench:validators: the package is not built; run npm run build-package first\n')
  process.exit(1)
}
const sample = { data: [{ id: 'gpt-5', model: 'gpt-5', displayName: 'GPT-5', description: 'a model', hidden: false, isDefault: true, supportedReasoningEfforts: [], defaultReasoningEffort: 'medium', inputModalities: ['text'], supportsPersonality: false, upgrade: null, upgradeInfo: null, availabilityNux: null, additionalSpeedTiers: [], serviceTiers: [] }], nextCursor: null }
const ROUNDS = 20_000

/** In a fresh process: ms to load the validator of `variant` and check one result, ms to check every method once more, µs per check after that. */
function measure(variant, how) {
  const script = how === 'precompiled'
    ? `const t = performance.now(); const { validator } = await import(${JSON.stringify(join(packageDir, `dist/esm/validators/${variant}.js`))});`
    : `const { importBundled } = await import(${JSON.stringify(join(repoRoot, 'bin/run-bundled.js'))}); const { loadSchemaValidator } = await importBundled('client/validation/index.ts', 'bench'); const t = performance.now(); const validator = loadSchemaValidator(${JSON.stringify(variant)}, ${JSON.stringify(repoRoot)});`
  const timing = `${script}
const v = ${JSON.stringify(sample)}; const first = validator.check('clientRequest', 'model/list', 'result', v); const loaded = performance.now() - t;
const methods = JSON.parse((await import('node:fs')).readFileSync(${JSON.stringify(join(repoRoot, 'generated/meta-model.json'))}, 'utf8')).methods;
const e = performance.now(); for (const m of methods) { validator.check(m.direction, m.method, 'params', {}); if (m.result) validator.check(m.direction, m.method, 'result', {}) } const everyType = performance.now() - e;
const s = performance.now(); for (let i = 0; i < ${ROUNDS}; i++) validator.check('clientRequest', 'model/list', 'result', v);
console.log(JSON.stringify({ loaded, everyType, perCheck: ((performance.now() - s) * 1000) / ${ROUNDS}, first: first ?? 'valid' }))`
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', timing], { encoding: 'utf8' }))
}

await importBundled('client/validation/index.ts', 'bench:validators')
for (const variant of ['stable', 'experimental']) {
  for (const how of ['precompiled', 'ajv']) {
    const { loaded, everyType, perCheck, first } = measure(variant, how)
    process.stdout.write(`${variant.padEnd(12)} ${how.padEnd(11)} load + first check ${loaded.toFixed(0).padStart(5)} ms, every method once ${everyType.toFixed(0).padStart(5)} ms, then ${perCheck.toFixed(2)} µs per model/list result (${first})\n`)
  }
}
