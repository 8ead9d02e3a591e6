// skills/*: skills found on disk (repository, home, extra roots), turned off and on in
// config.toml as codex does (test/server/fixtures/codex-0.169.0/methods/ecosystem-skills.json).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { rpcErrorOf, TestServer, type TestConnection } from './handler-context.js'
import { ecosystemFolders, skillText, writeFile, type EcosystemFolders } from './ecosystem-fixtures.js'

let folders: EcosystemFolders
let server: TestServer
let client: TestConnection

beforeEach(() => {
  folders = ecosystemFolders()
  server = new TestServer(folders.home)
  client = server.connect()
})

afterEach(async () => {
  client.close()
  await server.close()
  rmSync(folders.root, { recursive: true, force: true })
})

const configText = () => existsSync(join(folders.home, 'config.toml')) ? readFileSync(join(folders.home, 'config.toml'), 'utf8') : ''
const skillsOf = async (cwd: string) => (await client.call('skills/list', { cwds: [cwd] })).data[0]!

describe('skills/list', () => {
  it('finds repository skills up to the Git root, then the home\'s, sorted by scope and name', async () => {
    writeFile(join(folders.work, '.codex/skills/a-codex-skill/SKILL.md'), skillText('a-codex-skill', 'In .codex'))
    const nested = join(folders.work, 'src/deep')
    writeFile(join(nested, '.agents/skills/nested-skill/SKILL.md'), skillText('nested-skill', 'Nested'))
    const { cwd, skills, errors } = await skillsOf(nested)
    expect(cwd).toBe(nested)
    expect(errors).toEqual([])
    expect(skills.map((skill) => [skill.name, skill.scope, skill.enabled, skill.pluginId])).toEqual([
      ['a-codex-skill', 'repo', true, null], ['nested-skill', 'repo', true, null], ['repo-skill', 'repo', true, null], ['home-skill', 'user', true, null],
    ])
    expect(skills[2]).toEqual({ name: 'repo-skill', description: 'A repository skill', path: join(folders.work, '.agents/skills/repo-skill/SKILL.md'), scope: 'repo', enabled: true, pluginId: null })
  })

  it('reports broken SKILL.md files with codex\'s messages, sorted by path, and lists the rest', async () => {
    writeFile(join(folders.home, 'skills/no-front-matter/SKILL.md'), 'no front matter here')
    writeFile(join(folders.home, 'skills/no-description/SKILL.md'), '---\nname: no-description\n---\nbody\n')
    writeFile(join(folders.home, 'skills/bad-yaml/SKILL.md'), '---\nname: [unclosed\n---\nbody\n')
    writeFile(join(folders.home, 'skills/renamed/SKILL.md'), '---\nname: other-name\ndescription: Named apart from its folder\n---\n')
    const { skills, errors } = await skillsOf(folders.work)
    expect(skills.map((skill) => skill.name)).toEqual(['repo-skill', 'home-skill', 'other-name'])
    expect(errors).toEqual([
      { path: join(folders.home, 'skills/bad-yaml/SKILL.md'), message: 'missing field `description`' },
      { path: join(folders.home, 'skills/no-description/SKILL.md'), message: 'missing field `description`' },
      { path: join(folders.home, 'skills/no-front-matter/SKILL.md'), message: 'missing YAML frontmatter delimited by ---' },
    ])
  })
})

describe('skills/extraRoots/set', () => {
  it('adds the skills of extra folders until replaced, and tells clients the skills changed', async () => {
    writeFile(join(folders.root, 'extra/extra-skill/SKILL.md'), skillText('extra-skill', 'Extra'))
    expect(await client.call('skills/extraRoots/set', { extraRoots: [join(folders.root, 'extra'), join(folders.root, 'missing')] })).toEqual({})
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(client.read()).toEqual([{ method: 'skills/changed', params: {} }])
    expect((await skillsOf(folders.work)).skills.map((skill) => [skill.name, skill.scope])).toEqual([['repo-skill', 'repo'], ['extra-skill', 'user'], ['home-skill', 'user']])
    await client.call('skills/extraRoots/set', { extraRoots: [] })
    expect((await skillsOf(folders.work)).skills.map((skill) => skill.name)).toEqual(['repo-skill', 'home-skill'])
  })
})

describe('skills/config/write', () => {
  it('turns skills off by name or path in config.toml, on again by removing the entry, across restarts', async () => {
    const repoSkill = join(folders.work, '.agents/skills/repo-skill/SKILL.md')
    expect(await client.call('skills/config/write', { name: 'home-skill', enabled: false })).toEqual({ effectiveEnabled: false })
    expect(await client.call('skills/config/write', { path: repoSkill, enabled: false })).toEqual({ effectiveEnabled: false })
    // codex writes the same entries as an array of tables; the file's layout is the config editor's.
    expect((await client.call('config/read', {})).config.skills).toEqual({ config: [{ name: 'home-skill', enabled: false }, { path: repoSkill, enabled: false }] })
    client.close()
    await server.close()
    server = new TestServer(folders.home)
    client = server.connect()
    expect((await skillsOf(folders.work)).skills.map((skill) => [skill.name, skill.enabled])).toEqual([['repo-skill', false], ['home-skill', false]])
    expect(await client.call('skills/config/write', { name: 'home-skill', enabled: true })).toEqual({ effectiveEnabled: true })
    expect(await client.call('skills/config/write', { name: 'never-written', enabled: true })).toEqual({ effectiveEnabled: true })
    expect(configText()).not.toContain('home-skill')
    expect(configText()).not.toContain('never-written')
    expect((await skillsOf(folders.work)).skills.map((skill) => [skill.name, skill.enabled])).toEqual([['repo-skill', false], ['home-skill', true]])
  })

  it('needs exactly one of path and name, and writes nothing otherwise', async () => {
    const expected = { code: -32602, message: 'skills/config/write requires exactly one of path or name' }
    expect(await rpcErrorOf(client.call('skills/config/write', { enabled: false }))).toEqual(expected)
    expect(await rpcErrorOf(client.call('skills/config/write', { name: 'a', path: '/b/SKILL.md', enabled: false }))).toEqual(expected)
    expect(configText()).toBe('')
  })
})
