// Thread ids are UUIDs; codex parses them before anything else and answers a malformed one with
// the parser's message, naming the id "thread id" or (for methods that open a stored session)
// "session id".
import { ErrorCode, RpcError } from '../handler-types.js'

const HEX = /^[0-9a-fA-F]$/
const GROUPS = [8, 4, 4, 4, 12]

/** Throws codex's error unless `id` parses as a UUID. */
export function checkThreadId(id: string, noun: 'thread id' | 'session id' = 'thread id', code: number = ErrorCode.invalidRequest): void {
  const problem = uuidProblem(id)
  if (problem !== undefined) throw new RpcError(code, `invalid ${noun}: ${problem}`)
}

/** Why `text` is not a UUID, worded as Rust's uuid crate words it; undefined when it is one. */
export function uuidProblem(text: string): string | undefined {
  const body = text.toLowerCase().startsWith('urn:uuid:') ? text.slice('urn:uuid:'.length) : text
  const offset = text.length - body.length
  const characters = [...body]
  for (const [index, character] of characters.entries()) {
    if (character !== '-' && !HEX.test(character)) {
      return `invalid character: expected an optional prefix of \`urn:uuid:\` followed by [0-9a-fA-F-], found \`${character}\` at ${offset + index + 1}`
    }
  }
  if (!body.includes('-')) {
    return body.length === 32 ? undefined : `invalid length: expected length 32 for simple format, found ${body.length}`
  }
  const groups = body.split('-')
  if (groups.length !== GROUPS.length) return `invalid group count: expected 5, found ${groups.length}`
  for (const [index, group] of groups.entries()) {
    if (group.length !== GROUPS[index]) return `invalid group length in group ${index}: expected ${GROUPS[index]}, found ${group.length}`
  }
  return undefined
}
