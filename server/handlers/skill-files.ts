// Skills on disk: a folder holding a `SKILL.md` whose YAML front matter names and describes the
// skill. Shared by skills/list (the home's, the repository's and extra folders) and plugin/read
// (a plugin's `skills/` folder).
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'

export interface SkillFile {
  name: string
  description: string
  /** Absolute path of the SKILL.md. */
  path: string
}

export interface SkillProblem {
  path: string
  message: string
}

/** The skills directly under `folder` (each in a sub-folder); a missing folder has none. */
export async function readSkillFolder(folder: string): Promise<{ skills: SkillFile[]; errors: SkillProblem[] }> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => [])
  const skills: SkillFile[] = []
  const errors: SkillProblem[] = []
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue
    const path = join(folder, entry.name, 'SKILL.md')
    const text = await readFile(path, 'utf8').catch(() => undefined)
    if (text === undefined) continue
    const parsed = parseSkill(text)
    if (typeof parsed === 'string') errors.push({ path, message: parsed })
    else skills.push({ ...parsed, path })
  }
  return { skills, errors }
}

/** Name and description from the front matter, or what is wrong with it. */
function parseSkill(text: string): { name: string; description: string } | string {
  const match = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(text)
  if (match === null) return 'missing YAML frontmatter delimited by ---'
  let front: unknown
  try {
    front = parseYaml(match[1]!)
  } catch {
    // codex still reads `key: value` lines of front matter that is not valid YAML.
    front = Object.fromEntries(match[1]!.split(/\r?\n/).flatMap((line) => {
      const pair = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(line)
      return pair === null ? [] : [[pair[1]!, pair[2]!]]
    }))
  }
  const { name, description } = (front ?? {}) as Record<string, unknown>
  if (typeof description !== 'string') return 'missing field `description`'
  if (typeof name !== 'string' || name.trim() === '') return 'missing field `name`'
  return { name: name.trim(), description: description.trim() }
}
