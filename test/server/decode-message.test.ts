import { describe, expect, it } from 'vitest'
import { decodeMessage } from '../../server/wire/decode.js'

describe('decodeMessage', () => {
  it('classifies requests, notifications, responses and errors', () => {
    expect(decodeMessage('{"id":1,"method":"m","params":{}}')).toEqual({ kind: 'request', id: '1', method: 'm', params: {} })
    expect(decodeMessage('{"method":"initialized"}')).toEqual({ kind: 'notification', method: 'initialized', params: undefined })
    expect(decodeMessage('{"id":0,"result":{"a":1}}')).toEqual({ kind: 'response', id: '0', result: { a: 1 } })
    expect(decodeMessage('{"id":"x","error":{"code":-1,"message":"no"}}')).toEqual({ kind: 'error', id: '"x"', error: { code: -1, message: 'no' } })
  })

  it('ignores a jsonrpc member and unknown members', () => {
    expect(decodeMessage('{"jsonrpc":"2.0","id":1,"method":"m","extra":true}')).toMatchObject({ kind: 'request', id: '1', method: 'm' })
  })

  it('reads a request with an invalid id or trace as a notification', () => {
    for (const text of ['{"id":null,"method":"m"}', '{"id":1.5,"method":"m"}', '{"id":true,"method":"m"}', '{"id":[1],"method":"m"}', '{"id":1,"method":"m","trace":"x"}', '{"id":1,"method":"m","trace":{"traceparent":5}}']) {
      expect(decodeMessage(text).kind, text).toBe('notification')
    }
    expect(decodeMessage('{"id":1,"method":"m","trace":{"traceparent":"00-a-b-01"}}').kind).toBe('request')
    expect(decodeMessage('{"id":1,"method":"m","trace":null}').kind).toBe('request')
  })

  it('finds nothing to answer in input that is not a message', () => {
    for (const text of ['', '   ', 'nope', '\ufeff{"id":1,"method":"m"}', '{"id":1,"method":"m"}{"id":2,"method":"m"}', '[{"id":1,"method":"m"}]', '{}', '"s"', '42', 'null', '{"id":1}', '{"id":1,"method":5}', '{"params":{}}', '{"id":1,"error":{"code":"x"}}']) {
      expect(decodeMessage(text).kind, JSON.stringify(text)).toBe('undecodable')
    }
  })

  it('tolerates whitespace and CRLF around a message', () => {
    expect(decodeMessage('  {"id":1,"method":"m"}  \r').kind).toBe('request')
  })

  // Observed on codex 0.169.0 (see wire-rules.md, "More observed facts").
  it('reads the sequence form: an array of a shape\'s fields in declaration order', () => {
    expect(decodeMessage('["x","thread/loaded/list",{}]')).toEqual({ kind: 'request', id: '"x"', method: 'thread/loaded/list', params: {} })
    expect(decodeMessage('["x4","thread/loaded/list",{},null]')).toEqual({ kind: 'request', id: '"x4"', method: 'thread/loaded/list', params: {} })
    expect(decodeMessage('["s1","thread/loaded/list"]')).toEqual({ kind: 'request', id: '"s1"', method: 'thread/loaded/list', params: undefined })
    expect(decodeMessage('["initialized"]')).toEqual({ kind: 'notification', method: 'initialized', params: undefined })
    expect(decodeMessage('[1,2]')).toEqual({ kind: 'response', id: '1', result: 2 })
    expect(decodeMessage('[{"code":-1,"message":"no"},7]')).toEqual({ kind: 'error', id: '7', error: { code: -1, message: 'no' } })
    // Too many elements, a bad trace, an empty array and a batch fit no shape.
    for (const text of ['["x","m",{},null,5]', '["x","m",{},5]', '[]', '[{"id":"b","method":"thread/loaded/list","params":{}}]']) {
      expect(decodeMessage(text).kind, text).toBe('undecodable')
    }
  })

  it('drops a shape whose own field is repeated, as serde does; repeated unknown members are fine', () => {
    // A repeated id spoils the request shape only: what is left is a notification (ignored).
    expect(decodeMessage('{"id":"d1","id":"d2","method":"m","params":{}}').kind).toBe('notification')
    expect(decodeMessage('{"id":"e1","method":"m","params":{},"trace":null,"trace":null}').kind).toBe('notification')
    expect(decodeMessage('{"id":1,"method":"m","method":"m","params":{}}').kind).toBe('undecodable')
    expect(decodeMessage('{"id":1,"method":"m","params":{},"params":{}}').kind).toBe('undecodable')
    expect(decodeMessage('{"id":1,"result":1,"result":2}').kind).toBe('undecodable')
    expect(decodeMessage('{"id":"e2","method":"m","params":{},"foo":1,"foo":2}').kind).toBe('request')
    expect(decodeMessage('{"id":"e3","method":"m","params":{"limit":1,"limit":2}}')).toMatchObject({ kind: 'request', params: { limit: 2 } })
  })

  it('refuses nesting of 128 levels or more before parsing, with the place it happened', () => {
    // codex logs `recursion limit exceeded at line 1 column 189` for the same 127 arrays in an object.
    const nested = (levels: number) => `{"id":"deep127","method":"thread/loaded/list","params":{},"x":${'['.repeat(levels)}${']'.repeat(levels)}}`
    expect(decodeMessage(nested(126)).kind).toBe('request')
    expect(decodeMessage(nested(127))).toEqual({ kind: 'undecodable', reason: 'nesting deeper than 127 levels at line 1 column 189' })
    const huge = '['.repeat(5_000_000)
    const started = performance.now()
    expect(decodeMessage(huge).kind).toBe('undecodable')
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('refuses a message of more than a million values before parsing; long strings cost nothing', () => {
    const wide = (count: number) => `{"id":"w","method":"m","params":{"x":[${'[],'.repeat(count - 1)}[]]}}`
    expect(decodeMessage(wide(999_000)).kind).toBe('request')
    expect(decodeMessage(wide(1_000_001))).toEqual({ kind: 'undecodable', reason: 'more than 1000000 values in one message' })
    const scalars = (count: number) => `{"id":"n","method":"m","params":{"x":[${'0,'.repeat(count)}0]}}`
    expect(decodeMessage(scalars(999_000)).kind).toBe('request')
    expect(decodeMessage(scalars(1_000_001)).kind).toBe('undecodable')
    expect(decodeMessage(`{"id":"s","method":"m","params":{"data":"${'A,['.repeat(2_000_000)}"}}`).kind).toBe('request')
  })
})
