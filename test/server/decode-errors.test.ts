// The expected strings are what codex 0.169.0 answered for the same params (observed over stdio).
import { describe, expect, it } from 'vitest'
import { loadProtocolModel } from '../../server/model/protocol-model.js'
import { ParamsValidator } from '../../server/validation/params-validator.js'
import { repoRoot } from './helpers/spawn-server.js'

const model = loadProtocolModel(repoRoot)
const validator = new ParamsValidator(model)
const messageOf = async (type: string, params: unknown) => {
  const result = await validator.validate(type, params)
  return result.ok ? undefined : result.message
}

describe('codex-worded decode errors', () => {
  it.each([
    ['InitializeParams', { clientInfo: 'x' }, 'invalid type: string "x", expected struct ClientInfo'],
    ['InitializeParams', { clientInfo: { name: 1, version: '1' } }, 'invalid type: integer `1`, expected a string'],
    ['InitializeParams', { clientInfo: { name: null, version: '1' } }, 'invalid type: null, expected a string'],
    ['InitializeParams', { clientInfo: { version: '1' }, capabilities: 5 }, 'missing field `name`'],
    ['InitializeParams', { capabilities: { experimentalApi: 'x' }, clientInfo: { name: 'x' } }, 'invalid type: string "x", expected a boolean'],
    ['InitializeParams', { clientInfo: { name: 'x' } }, 'missing field `version`'],
    ['ThreadStartParams', { sandbox: 5 }, 'invalid type: integer `5`, expected string or map'],
    ['ThreadStartParams', { sandbox: 'bogus' }, 'unknown variant `bogus`, expected one of `read-only`, `workspace-write`, `danger-full-access`'],
    ['ThreadStartParams', { config: 5 }, 'invalid type: integer `5`, expected a map'],
    ['ThreadStartParams', { approvalPolicy: 5 }, 'invalid type: integer `5`, expected string or map'],
    ['SkillsListParams', { cwds: 'x' }, 'invalid type: string "x", expected a sequence'],
    ['CommandExecParams', { command: ['a'], timeoutMs: 'x' }, 'invalid type: string "x", expected i64'],
    ['CommandExecParams', { command: ['a'], timeoutMs: 1e30 }, 'invalid type: floating point `1e+30`, expected i64'],
    ['CommandExecParams', { command: ['a'], outputBytesCap: -1 }, 'invalid value: integer `-1`, expected usize'],
    ['TurnStartParams', { threadId: 't', input: [{ type: 'bogus' }] }, 'unknown variant `bogus`, expected one of `text`, `image`, `localImage`, `audio`, `localAudio`, `skill`, `mention`'],
    ['TurnStartParams', { threadId: 't', input: [{ text: 'x' }] }, 'missing field `type`'],
    ['TurnStartParams', { threadId: 't', input: [{ type: 'text' }] }, 'missing field `text`'],
    ['TurnStartParams', { threadId: 't', input: ['x'] }, 'invalid type: string "x", expected internally tagged enum UserInput'],
    ['ThreadLoadedListParams', { limit: true }, 'invalid type: boolean `true`, expected u32'],
    ['ThreadLoadedListParams', { limit: [] }, 'invalid type: sequence, expected u32'],
    ['ThreadLoadedListParams', { limit: {} }, 'invalid type: map, expected u32'],
    ['ThreadLoadedListParams', { limit: -1 }, 'invalid value: integer `-1`, expected u32'],
    ['ThreadLoadedListParams', { limit: 1.5 }, 'invalid type: floating point `1.5`, expected u32'],
    ['ThreadLoadedListParams', { limit: 99999999999 }, 'invalid value: integer `99999999999`, expected u32'],
    ['ThreadLoadedListParams', { cursor: 5 }, 'invalid type: integer `5`, expected a string'],
    ['ThreadLoadedListParams', { unknown: 1, limit: 'x' }, 'invalid type: string "x", expected u32'],
    ['ThreadLoadedListParams', 'x', 'invalid type: string "x", expected struct ThreadLoadedListParams'],
    ['ThreadLoadedListParams', [], 'invalid length 0, expected struct ThreadLoadedListParams with 2 elements'],
    // Fields are decoded in the order the client sent them.
    ['ThreadListParams', { limit: 'x', cursor: 7 }, 'invalid type: string "x", expected u32'],
    ['ThreadListParams', { cursor: 7, limit: 'x' }, 'invalid type: integer `7`, expected a string'],
    ['ThreadSampleParams', { threadId: 'x' }, 'missing field `expectedTurnId`'],
    ['ThreadSampleParams', { prompt: 5 }, 'invalid type: integer `5`, expected a string'],
    ['FsReadFileParams', {}, 'missing field `path`'],
    ['FsReadFileParams', { path: 'rel' }, 'AbsolutePathBuf deserialized without a base path'],
    ['FsReadFileParams', { path: '' }, 'AbsolutePathBuf deserialized without a base path'],
    ['FsReadFileParams', { path: '~/x' }, 'AbsolutePathBuf deserialized without a base path'],
    ['FsReadFileParams', { path: 5 }, 'invalid type: integer `5`, expected path string'],
  ])('%s %j', async (type, params, expected) => {
    expect(await messageOf(type, params)).toBe(expected)
  })

  it('accepts valid params and ignores unknown fields', async () => {
    expect(await messageOf('ThreadLoadedListParams', { limit: 5, cursor: null, extra: [1] })).toBeUndefined()
    expect(await messageOf('TurnStartParams', { threadId: 't', input: [{ type: 'text', text: 'hi' }] })).toBeUndefined()
    expect(await messageOf('ThreadStartParams', { approvalPolicy: { granular: { sandbox_approval: true, rules: true, mcp_elicitations: false } } })).toBeUndefined()
  })

  it('normalises absolute paths lexically before handlers see them', async () => {
    const params = { path: '/tmp//./a/../b/' }
    const result = await validator.validate('FsReadFileParams', params)
    expect(result).toEqual({ ok: true, value: { path: '/tmp/b' } })
    const nested = { cwds: ['/x/./y'], watchId: 'w', path: '//tmp/../' }
    expect(await validator.validate('FsWatchParams', nested)).toMatchObject({ ok: true, value: { path: '/' } })
  })

  it('finds the absolute-path fields from the schemas (every ref to AbsolutePathBuf)', async () => {
    // SandboxPolicy arms carry AbsolutePathBuf arrays; nothing lists them by hand.
    const params = { command: ['true'], sandboxPolicy: { type: 'workspaceWrite', writableRoots: ['/a/./b//'], networkAccess: false } }
    const result = await validator.validate('CommandExecParams', params)
    expect(result).toMatchObject({ ok: true, value: { sandboxPolicy: { writableRoots: ['/a/b'] } } })
    expect(await messageOf('CommandExecParams', { command: ['true'], sandboxPolicy: { type: 'workspaceWrite', writableRoots: ['rel'] } })).toBe('AbsolutePathBuf deserialized without a base path')
  })
})
