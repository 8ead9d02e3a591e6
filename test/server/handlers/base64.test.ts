// The strict base64 decoder: every message below is what codex 0.169.0 answered for the input
// (fs/writeFile), so clients see the same complaint from either server.
import { describe, expect, it } from 'vitest'
import { decodeBase64Strict } from '../../../server/handlers/base64.js'

const rejected: [string, string][] = [
  ['aGk', 'Invalid padding'],
  ['a', 'Invalid input length: 1'],
  ['aGk==', 'Invalid symbol 61, offset 3.'],
  ['aGl=', 'Invalid last symbol 108, offset 2.'],
  ['aG k=', 'Invalid symbol 32, offset 2.'],
  ['aGk=aGk=', 'Invalid symbol 61, offset 3.'],
  ['aGk-', 'Invalid symbol 45, offset 3.'],
  ['aGVsbG8\n', 'Invalid symbol 10, offset 7.'],
  ['=', 'Invalid symbol 61, offset 0.'],
  ['aGVsbA', 'Invalid padding'],
  ['aGVsbA=', 'Invalid padding'],
  ['!!notbase64', 'Invalid symbol 33, offset 0.'],
]

describe('decodeBase64Strict', () => {
  it.each(rejected)('rejects %j with %j', (input, message) => {
    expect(() => decodeBase64Strict(input)).toThrow(message)
  })

  it('decodes canonical input, including the empty string', () => {
    expect(decodeBase64Strict('').length).toBe(0)
    expect(decodeBase64Strict('aGVsbG8=').toString()).toBe('hello')
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i))
    expect(decodeBase64Strict(bytes.toString('base64')).equals(bytes)).toBe(true)
  })

  it('counts offsets in bytes of the UTF-8 text', () => {
    expect(() => decodeBase64Strict('aé==')).toThrow('Invalid symbol 195, offset 1.')
  })
})
