// Inputs for the conversation fuzz test: random JSON values, thread and turn ids (real ones, other
// threads' ones, random UUIDs and malformed ones), cursors (real, foreign, forged, garbage) and
// mutations of valid params. Everything comes from one SeededRandom, so a seed replays a run.
import { randomUUID } from 'node:crypto'
import type { SeededRandom } from './seeded-random.js'

/** What the fuzzer has learnt from the server's answers so far, to aim its requests at real things. */
export interface FuzzPools {
  threads: string[]
  turns: string[]
  cursors: string[]
  revisions: string[]
}

/** Deepest nesting of a generated value: the server drops messages nested 128 levels or more. */
export const MAX_DEPTH = 100

const STRINGS = ['', ' ', 'a', 'null', '0', '-1', 'true', '{}', '[]', '\u0000', '\u202e', 'é', '🦀', '\ud800', '../../etc/passwd', '/', '/tmp', 'C:\\x', '%s%n', '<script>', '\n\r\t']

export function randomString(random: SeededRandom): string {
  switch (random.int(0, 5)) {
    case 0: return random.pick(STRINGS)
    case 1: return 'x'.repeat(random.int(1, 4)) + random.pick(STRINGS)
    case 2: return random.pick(['a', '字', '🦀', '\\', '"']).repeat(random.int(10, 2_000))
    case 3: return Array.from({ length: random.int(1, 40) }, () => String.fromCharCode(random.int(0, 0xffff))).join('')
    case 4: return randomUUID()
    default: return random.int(0, 1e9).toString(36)
  }
}

/** A string long enough to find what copies or echoes it carelessly (up to 300 kB). */
export function hugeString(random: SeededRandom): string {
  return random.pick(['x', 'é', '🦀', '[[']).repeat(random.int(10_000, 150_000))
}

export function randomNumber(random: SeededRandom): number {
  return random.pick([0, -0, 1, -1, 0.5, 2 ** 31, 2 ** 32 + 1, 2 ** 53, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e-308, random.int(-1000, 1000)])
}

export function randomValue(random: SeededRandom, depth = 0): unknown {
  const leaf = depth > 3 || random.chance(0.6)
  if (leaf) {
    switch (random.int(0, 4)) {
      case 0: return null
      case 1: return random.chance(0.5)
      case 2: return randomNumber(random)
      default: return randomString(random)
    }
  }
  if (random.chance(0.5)) return Array.from({ length: random.int(0, 4) }, () => randomValue(random, depth + 1))
  return Object.fromEntries(Array.from({ length: random.int(0, 4) }, () => [random.pick(['type', 'text', 'id', 'threadId', randomString(random)]), randomValue(random, depth + 1)]))
}

/** Legal but deep nesting (arrays or objects), `depth` levels around a value. */
export function deepValue(random: SeededRandom, depth: number): unknown {
  let value: unknown = randomValue(random, 4)
  for (let level = 0; level < depth; level++) value = random.chance(0.5) ? [value] : { [random.pick(['a', 'type', 'input'])]: value }
  return value
}

/** An id for a thread or turn field: a real one (maybe of another thread), a fresh UUID, or a malformed one. */
export function randomId(random: SeededRandom, pools: FuzzPools): unknown {
  switch (random.int(0, 9)) {
    case 0: case 1: return random.pick(pools.threads.length > 0 ? pools.threads : [randomUUID()])
    case 2: return random.pick(pools.turns.length > 0 ? pools.turns : [randomUUID()])
    case 3: return randomUUID()
    case 4: return randomUUID().toUpperCase()
    case 5: return `urn:uuid:${randomUUID()}`
    case 6: return randomUUID().replace(/-/g, '')
    case 7: return random.pick(['', 'not-a-uuid', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-fffffffffffg', `${randomUUID()}x`, '../x', randomUUID().slice(0, 35)])
    case 8: return random.chance(0.8) ? randomString(random) : hugeString(random)
    default: return randomValue(random)
  }
}

/** A cursor: one the server gave (often for another thread or list), a forged one, or garbage. */
export function randomCursor(random: SeededRandom, pools: FuzzPools): unknown {
  switch (random.int(0, 6)) {
    case 0: case 1: return random.pick(pools.cursors.length > 0 ? pools.cursors : ['x'])
    case 2: return JSON.stringify({
      requestedThreadId: random.pick(pools.threads.length > 0 ? pools.threads : [randomUUID()]),
      rolloutOrdinal: random.pick([0, 1, -1, 2 ** 53, 1.5, 1e308, '1', null]),
      includeAnchor: random.pick([true, false, 'yes']),
      scope: { kind: random.pick(['turns', 'itemsByCreatedAtOrdinal', 'other']) },
    })
    case 3: return Buffer.from(randomString(random)).toString('base64url') + random.pick(['', '.', '.abcdefghij', '..'])
    case 4: return random.chance(0.9) ? randomString(random) : hugeString(random)
    case 5: return { anchor: randomValue(random), ordinal: randomNumber(random) }
    default: return randomValue(random)
  }
}

const ID_FIELDS = ['threadId', 'turnId', 'expectedTurnId', 'lastTurnId', 'beforeTurnId', 'rootTurnId', 'parentTurnId']

/** Changes valid params the way a buggy or hostile client might; undefined means "no params member". */
export function mutate(random: SeededRandom, params: Record<string, unknown>, pools: FuzzPools): unknown {
  switch (random.int(0, 9)) {
    case 0: return random.pick([null, [], [params], 0, 'params', true, undefined, [params.threadId, params]])
    case 1: return deepValue(random, random.int(20, MAX_DEPTH))
    default: break
  }
  const mutated: Record<string, unknown> = { ...params }
  for (let count = random.int(1, 3); count > 0; count--) {
    const keys = Object.keys(mutated)
    const key = keys.length > 0 && random.chance(0.8) ? random.pick(keys) : random.pick([...ID_FIELDS, 'cursor', 'input', 'limit', randomString(random)])
    switch (random.int(0, 6)) {
      case 0: delete mutated[key]; break
      case 1: mutated[key] = randomValue(random); break
      case 2: mutated[key] = ID_FIELDS.includes(key) ? randomId(random, pools) : randomValue(random); break
      case 3: mutated[key] = key === 'cursor' ? randomCursor(random, pools) : random.chance(0.5) ? hugeString(random) : randomCursor(random, pools); break
      case 4: mutated[key] = deepValue(random, random.int(5, MAX_DEPTH - 5)); break
      case 5: mutated[key] = random.pick([null, [], {}, [mutated[key]], { value: mutated[key] }, String(mutated[key])]); break
      default: mutated[key] = randomNumber(random)
    }
  }
  return mutated
}

/**
 * An output schema of modest size for turn/start: the offline agent builds an answer that fits it,
 * so odd schemas (unknown types, bad keywords, contradictions) reach that code. Bounds stay small
 * here; the fuzz test checks huge ones separately.
 */
export function randomSchema(random: SeededRandom, depth = 0): unknown {
  if (depth > 3 || random.chance(0.2)) return random.pick([true, false, {}, null, randomValue(random), { type: randomString(random) }])
  const type = random.pick(['object', 'array', 'string', 'integer', 'number', 'boolean', 'null', undefined, ['string', 'null']])
  const schema: Record<string, unknown> = type === undefined ? {} : { type }
  if (random.chance(0.3)) schema.minLength = random.pick([0, 1, 36, 500, -1, 1.5, '3'])
  if (random.chance(0.3)) schema.maxLength = random.pick([0, 1, 36, -1])
  if (random.chance(0.3)) schema.minItems = random.pick([0, 1, 20, -1, 2.5])
  if (random.chance(0.2)) schema.minimum = random.pick([0, -5, 1.5, 1e300])
  if (random.chance(0.4)) schema.properties = Object.fromEntries(Array.from({ length: random.int(0, 3) }, () => [randomString(random), randomSchema(random, depth + 1)]))
  if (random.chance(0.2)) schema.required = random.pick([[], ['a'], 'a', 5])
  if (random.chance(0.3)) schema.items = randomSchema(random, depth + 1)
  if (random.chance(0.1)) schema[random.pick(['anyOf', 'oneOf', 'allOf', 'not'])] = [randomSchema(random, depth + 1)]
  if (random.chance(0.1)) schema.enum = random.pick([[], [1], ['a', 'b'], 'x'])
  if (random.chance(0.1)) schema.const = randomValue(random)
  if (random.chance(0.05)) schema.$ref = random.pick(['#', '#/properties/x', 'http://example.invalid/schema'])
  if (random.chance(0.05)) schema.pattern = random.pick(['^a+$', '(', '^(a+)+$'])
  return schema
}
