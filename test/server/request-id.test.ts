import { describe, expect, it } from 'vitest'
import { decodeMessage } from '../../server/wire/decode.js'
import { scanJson } from '../../server/wire/json-scan.js'
import { int64Text } from '../../server/wire/request-id.js'

const idOf = (text: string) => {
  const message = decodeMessage(text)
  return message.kind === 'request' ? message.id : undefined
}

describe('request ids', () => {
  it('keeps strings, including the empty string, as JSON text', () => {
    expect(idOf('{"id":"","method":"x"}')).toBe('""')
    expect(idOf('{"id":"a\\"b","method":"x"}')).toBe('"a\\"b"')
  })

  it('reads integers from the text, so values beyond 2^53 stay exact', () => {
    expect(idOf('{"id":9007199254740993,"method":"x"}')).toBe('9007199254740993')
    expect(idOf('{"id":9223372036854775807,"method":"x"}')).toBe('9223372036854775807')
    expect(idOf('{"id":-9223372036854775808,"method":"x"}')).toBe('-9223372036854775808')
    expect(idOf('{"method":"x","params":{"id":1},"id":9223372036854775806}')).toBe('9223372036854775806')
    expect(idOf('[9007199254740993,"x",{}]')).toBe('9007199254740993')
  })

  it('rejects floats, exponents and integers outside int64', () => {
    expect(idOf('{"id":1.5,"method":"x"}')).toBeUndefined()
    expect(idOf('{"id":1.0,"method":"x"}')).toBeUndefined()
    expect(idOf('{"id":1e3,"method":"x"}')).toBeUndefined()
    expect(idOf('{"id":9223372036854775808,"method":"x"}')).toBeUndefined()
    expect(idOf('{"id":-9223372036854775809,"method":"x"}')).toBeUndefined()
  })

  it('rejects ids of other JSON types', () => {
    for (const id of ['null', 'true', '{}', '[1]']) expect(idOf(`{"id":${id},"method":"x"}`)).toBeUndefined()
  })

  it('canonicalises -0', () => {
    expect(int64Text('-0')).toBe('0')
  })

  it('finds top-level members past nested values, escaped keys and strings with brackets', () => {
    const scan = scanJson(' { "params" : {"id": 1, "x": ["}", {"id":2}]}, "m\\u0065thod":"a", "id" : 42 } ', { rawMembers: ['id', 'method'] })
    expect(scan).toMatchObject({ ok: true, top: { kind: 'object', keys: ['params', 'method', 'id'] } })
    if (!scan.ok || scan.top.kind !== 'object') throw new Error('not an object')
    expect(scan.top.raw.get('id')).toBe('42')
    expect(scan.top.raw.get('method')).toBe('"a"')
  })

  it('reads a repeated id as no id at all: the message is a notification, as in codex', () => {
    expect(decodeMessage('{"id":1,"method":"x","id":9007199254740993}').kind).toBe('notification')
  })
})
