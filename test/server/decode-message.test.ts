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
})
