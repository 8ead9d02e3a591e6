// The TOML reader and writer behind config.toml.
import { describe, expect, it } from 'vitest'
import { parseToml, stringifyToml, TomlError } from '../../../server/handlers/toml.js'

describe('parseToml', () => {
  it('reads the value kinds of TOML 1.0', () => {
    const text = [
      '# comment',
      'title = "a \\"quoted\\" \\u00e9 string" # trailing comment',
      "literal = 'C:\\path'",
      'int = +1_000',
      'hex = 0xff',
      'oct = 0o17',
      'bin = 0b101',
      'float = -3.5e2',
      'inf = inf',
      'yes = true',
      'no = false',
      'date = 1979-05-27T07:32:00Z',
      'array = [ 1, 2,',
      '  3, # inside',
      ']',
      'inline = { a = 1, b.c = "x" }',
      'multi = """',
      'line one \\',
      '   continued"""',
      "raw = '''",
      "keep \\n as is'''",
      '"quoted key" = 1',
      'dotted.key = 2',
    ].join('\n')
    expect(parseToml(text)).toEqual({
      title: 'a "quoted" é string',
      literal: 'C:\\path',
      int: 1000,
      hex: 255,
      oct: 15,
      bin: 5,
      float: -350,
      inf: Infinity,
      yes: true,
      no: false,
      date: '1979-05-27T07:32:00Z',
      array: [1, 2, 3],
      inline: { a: 1, b: { c: 'x' } },
      multi: 'line one continued',
      raw: 'keep \\n as is',
      'quoted key': 1,
      dotted: { key: 2 },
    })
  })

  it('reads tables and arrays of tables', () => {
    const text = '[a.b]\nx = 1\n\n[a]\ny = 2\n\n[[items]]\nn = 1\n[[items]]\nn = 2\n[items.sub]\nz = 3\n'
    expect(parseToml(text)).toEqual({ a: { b: { x: 1 }, y: 2 }, items: [{ n: 1 }, { n: 2, sub: { z: 3 } }] })
  })

  it.each([
    ['a = 1\na = 2', '2:6: key `a` is defined more than once'],
    ['[t]\n[t]', '2:1: table `t` is defined more than once'],
    ['a = 1\n[a]', '2:1: table `a` is defined more than once'],
    ['a = "unterminated', '1:18: unterminated string'],
    ['a = ', '1:5: expected a value'],
    ['a = 1 2', '1:7: expected the end of the line'],
    ['a = [1 2]', "1:8: expected `,` or `]` in the array"],
    ['a = 012', '1:8: invalid number `012` (leading zero)'],
    ['x = { a = 1 }\n[x.b]', '2:1: `x` is already defined as a value, not a table'],
  ])('rejects %j', (text, message) => {
    expect(() => parseToml(text)).toThrow(message)
    expect(() => parseToml(text)).toThrow(TomlError)
  })
})

describe('stringifyToml', () => {
  it('writes plain keys first, then sections, and reads back the same', () => {
    const value = {
      zeta: 1,
      name: 'quote " and \\ and \n newline',
      list: [1, 'two', [3]],
      tables: [{ n: 1 }, { n: 2 }],
      alpha: { beta: { only: 1 } },
      empty: {},
      'weird key': { q: 'v' },
      float: 1.5,
    }
    const text = stringifyToml(value)
    expect(text).toBe([
      'zeta = 1',
      'name = "quote \\" and \\\\ and \\n newline"',
      'list = [1, "two", [3]]',
      'tables = [{ n = 1 }, { n = 2 }]',
      'float = 1.5',
      '',
      '[alpha.beta]',
      'only = 1',
      '',
      '[empty]',
      '',
      '["weird key"]',
      'q = "v"',
      '',
    ].join('\n'))
    expect(parseToml(text)).toEqual(value)
  })

  it('writes an empty document as an empty file', () => {
    expect(stringifyToml({})).toBe('')
  })
})
