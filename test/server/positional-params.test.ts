// Positional params against the real protocol model and validator; each wording observed on codex 0.169.0.
import { describe, expect, it } from 'vitest'
import { loadProtocolModel } from '../../server/model/protocol-model.js'
import { ParamsValidator } from '../../server/validation/params-validator.js'
import { decodePositionalParams } from '../../server/wire/positional-params.js'
import { repoRoot } from './helpers/spawn-server.js'

const model = loadProtocolModel(repoRoot)
const validator = new ParamsValidator(model)
const decode = (typeName: string, items: unknown[]) =>
  decodePositionalParams(items, typeName, model.types.get(typeName), (value) => validator.validate(typeName, value))

describe('positional params', () => {
  it('reads the elements as the fields in declaration order', async () => {
    expect(await decode('FsReadFileParams', ['/abs/a.txt'])).toEqual({ ok: true, value: { path: '/abs/a.txt' } })
    expect(await decode('ThreadLoadedListParams', [null, 1])).toEqual({ ok: true, value: { cursor: null, limit: 1 } })
    expect(await decode('ThreadLoadedListParams', ['c', 1])).toMatchObject({ ok: true })
  })

  it('words element errors first, then the length, as codex', async () => {
    expect(await decode('ThreadLoadedListParams', [])).toEqual({ ok: false, message: 'invalid length 0, expected struct ThreadLoadedListParams with 2 elements' })
    expect(await decode('ConfigReadParams', [false])).toEqual({ ok: false, message: 'invalid length 1, expected struct ConfigReadParams with 2 elements' })
    expect(await decode('ThreadLoadedListParams', [null, null, null])).toEqual({ ok: false, message: 'invalid length 3, expected 2 elements in sequence' })
    expect(await decode('ThreadLoadedListParams', [null, 'x'])).toEqual({ ok: false, message: 'invalid type: string "x", expected u32' })
    expect(await decode('InitializeParams', ['n'])).toEqual({ ok: false, message: 'invalid type: string "n", expected struct ClientInfo' })
  })
})
