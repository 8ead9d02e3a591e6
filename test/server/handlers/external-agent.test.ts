// externalAgentConfig/*: detection of another agent's setup in a real home and repository, the
// import carried out for real (files and config.toml, as codex 0.169.0 wrote them in
// fixtures/codex-0.169.0/methods/workspace.json), its notifications, and the history across a
// restart.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { eventually, TestServer, type TestConnection } from './handler-context.js'

let root: string
let home: string
let ws: string
let server: TestServer
let client: TestConnection
const realHome = process.env.HOME

async function put(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, text)
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'external-agent-'))
  home = join(root, 'codex-home')
  ws = join(root, 'ws')
  await mkdir(home)
  process.env.HOME = root
  await put(join(ws, 'CLAUDE.md'), '# Project rules\nUse tabs.\n')
  await put(join(ws, '.claude/settings.json'), JSON.stringify({ permissions: { allow: ['Bash(ls)'] }, env: { FOO: 'bar' } }))
  await put(join(ws, '.claude/commands/hello.md'), 'Say hello\n')
  await put(join(ws, '.mcp.json'), JSON.stringify({ mcpServers: { files: { command: 'npx', args: ['-y', 'mcp-files'] } } }))
  await put(join(root, '.claude/CLAUDE.md'), '# User rules\n')
  await put(join(root, '.claude/skills/greet/SKILL.md'), '---\nname: greet\ndescription: greets\n---\nGreet.\n')
  server = new TestServer(home)
  client = server.connect()
})

afterEach(async () => {
  process.env.HOME = realHome
  client.close()
  await server.close()
  await rm(root, { recursive: true, force: true })
})

const details = (found: object) => ({ plugins: [], skills: [], sessions: [], mcpServers: [], hooks: [], subagents: [], commands: [], ...found })

describe('externalAgentConfig/detect', () => {
  it('finds what codex found, in its order, and nothing without scopes', async () => {
    expect(await client.call('externalAgentConfig/detect', {})).toEqual({ items: [], connectors: [] })
    const { items } = await client.call('externalAgentConfig/detect', { includeHome: true, cwds: [ws] })
    expect(items).toEqual([
      { itemType: 'SKILLS', description: `Migrate skills from ${root}/.claude/skills to ${root}/.agents/skills`, cwd: null, details: details({ skills: [{ name: 'greet' }] }) },
      { itemType: 'AGENTS_MD', description: `Migrate ${root}/.claude/CLAUDE.md to ${home}/AGENTS.md`, cwd: null, details: null },
      { itemType: 'CONFIG', description: `Migrate ${ws}/.claude/settings.json into ${ws}/.codex/config.toml`, cwd: ws, details: null },
      { itemType: 'MCP_SERVER_CONFIG', description: `Migrate MCP servers from ${ws} into ${ws}/.codex/config.toml`, cwd: ws, details: details({ mcpServers: [{ name: 'files' }] }) },
      { itemType: 'COMMANDS', description: `Migrate commands from ${ws}/.claude/commands to ${ws}/.agents/skills`, cwd: ws, details: details({ commands: [{ name: 'source-command-hello' }] }) },
      { itemType: 'AGENTS_MD', description: `Migrate ${ws}/CLAUDE.md to ${ws}/AGENTS.md`, cwd: ws, details: null },
    ])
  })
})

describe('externalAgentConfig/import', () => {
  it('imports every item for real, reports progress and completion, and records it', async () => {
    const { items } = await client.call('externalAgentConfig/detect', { includeHome: true, cwds: [ws] })
    const { importId } = await client.call('externalAgentConfig/import', { migrationItems: items })
    const notes = await eventually(() => (client.unread.some((note) => note.method === 'externalAgentConfig/import/completed') ? client.read() : undefined))
    expect(notes.map((note) => note.method)).toEqual([...items.map(() => 'externalAgentConfig/import/progress'), 'externalAgentConfig/import/completed'])
    const completed = notes.at(-1)!.params as { importId: string; itemTypeResults: { itemType: string; successes: { source: string }[] }[] }
    expect(completed.importId).toBe(importId)
    expect(completed.itemTypeResults.map((result) => [result.itemType, result.successes.map((success) => success.source)])).toEqual([
      ['CONFIG', [`${ws}/.claude/settings.json`]],
      ['SKILLS', ['greet']],
      ['AGENTS_MD', [`${root}/.claude/CLAUDE.md`, `${ws}/CLAUDE.md`]],
      ['MCP_SERVER_CONFIG', ['files']],
      ['COMMANDS', ['source-command-hello']],
    ])
    expect(await readFile(join(ws, 'AGENTS.md'), 'utf8')).toBe('# Project rules\nUse tabs.\n')
    expect(await readFile(join(home, 'AGENTS.md'), 'utf8')).toBe('# User rules\n')
    expect(await readFile(join(root, '.agents/skills/greet/SKILL.md'), 'utf8')).toBe('---\nname: greet\ndescription: greets\n---\nGreet.\n')
    expect(await readFile(join(ws, '.agents/skills/source-command-hello/SKILL.md'), 'utf8')).toBe(
      '---\nname: "source-command-hello"\ndescription: "Migrated source command `hello`"\n---\n\n# source-command-hello\n\nUse this skill when the user asks to run the migrated source command `hello`.\n\n## Command Template\n\nSay hello\n',
    )
    const projectConfig = await readFile(join(ws, '.codex/config.toml'), 'utf8')
    expect(projectConfig).toContain('[shell_environment_policy]\ninherit = "core"')
    expect(projectConfig).toContain('FOO = "bar"')
    expect(projectConfig).toContain('[mcp_servers.files]\ncommand = "npx"')
    expect(await client.call('externalAgentConfig/detect', { includeHome: true, cwds: [ws] })).toEqual({ items: [], connectors: [] })

    client.close()
    await server.close()
    server = new TestServer(home)
    client = server.connect()
    const { data } = await client.call('externalAgentConfig/import/readHistories', undefined)
    expect(data.map((entry) => [entry.importId, entry.providerId, entry.successes.length, entry.failures.length])).toEqual([[importId, null, 6, 0]])
  })

  it('records nothing for an import of nothing, and keeps records newest first', async () => {
    await client.call('externalAgentConfig/import', { migrationItems: [] })
    const first = await client.call('externalAgentConfig/import/recordHistory', {
      providerId: 'p1', itemTypeResults: [{ itemType: 'CONFIG', successes: [{ itemType: 'CONFIG', source: 'a', target: 'b' }], failures: [] }],
    })
    await new Promise((resolve) => setTimeout(resolve, 5))
    const second = await client.call('externalAgentConfig/import/recordHistory', { providerId: '', itemTypeResults: [] })
    const { data, connectors } = await client.call('externalAgentConfig/import/readHistories', undefined)
    expect(connectors).toEqual([])
    expect(data.map((entry) => entry.importId)).toEqual([second.importId, first.importId])
    expect(data[1]).toMatchObject({ providerId: 'p1', successes: [{ itemType: 'CONFIG', cwd: null, source: 'a', target: 'b', title: null }], failures: [] })
  })

  it('leaves a damaged history file alone and says which file it is', async () => {
    const file = join(home, 'external-agent-imports.json')
    await writeFile(file, 'not json')
    await expect(client.call('externalAgentConfig/import/readHistories', undefined)).rejects.toThrow(`${file} cannot be read, so it was left as it is`)
    await expect(client.call('externalAgentConfig/import/recordHistory', { providerId: 'p', itemTypeResults: [] })).rejects.toThrow(file)
    expect(await readFile(file, 'utf8')).toBe('not json')
  })
})
