// Folders the plugin, marketplace and skills tests build: a marketplace in a local folder with
// two plugins (one with a skill), a skill in a repository and one in the server's home.
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

export function writeFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, text)
}

export function skillText(name: string, description: string): string {
  return `---\nname: ${name}\ndescription: ${description}\n---\n\nInstructions of ${name}.\n`
}

export interface EcosystemFolders {
  root: string
  home: string
  work: string
  market: string
  marketManifest: string
}

/** A fresh set of folders under the system's temporary folder (the caller removes `root`). */
export function ecosystemFolders(): EcosystemFolders {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'ecosystem-test-')))
  const folders = { root, home: join(root, 'home'), work: join(root, 'work'), market: join(root, 'market'), marketManifest: join(root, 'market/.agents/plugins/marketplace.json') }
  mkdirSync(folders.home, { recursive: true })
  mkdirSync(join(folders.work, '.git'), { recursive: true })
  writeFile(folders.marketManifest, JSON.stringify({
    name: 'test-market',
    interface: { displayName: 'Test Market' },
    plugins: [
      { name: 'sample', source: { source: 'local', path: './plugins/sample' }, policy: { installation: 'AVAILABLE', authentication: 'ON_USE' } },
      { name: 'bare', source: { source: 'local', path: './plugins/bare' } },
      { name: 'missing', source: { source: 'local', path: './plugins/missing' } },
    ],
  }))
  writeFile(join(folders.market, 'plugins/sample/.codex-plugin/plugin.json'), JSON.stringify({
    name: 'sample', version: '1.2.3', description: 'A sample plugin', keywords: ['demo'],
    interface: { displayName: 'Sample Plugin', shortDescription: 'Does samples', capabilities: ['Read'] },
  }))
  writeFile(join(folders.market, 'plugins/sample/skills/greet/SKILL.md'), skillText('greet', 'Greets'))
  writeFile(join(folders.market, 'plugins/bare/.codex-plugin/plugin.json'), JSON.stringify({ name: 'bare' }))
  writeFile(join(folders.work, '.agents/skills/repo-skill/SKILL.md'), skillText('repo-skill', 'A repository skill'))
  writeFile(join(folders.home, 'skills/home-skill/SKILL.md'), skillText('home-skill', 'A home skill'))
  return folders
}
