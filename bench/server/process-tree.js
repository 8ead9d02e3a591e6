// Resident memory of a process and all its descendants, read from /proc (Linux).
import { readFileSync, readdirSync } from 'node:fs'

/** Descendant pids of `pid`, depth first (itself included). */
function familyOf(pid) {
  const family = [pid]
  let tasks = []
  try {
    tasks = readdirSync(`/proc/${pid}/task`)
  } catch {
    return family
  }
  for (const task of tasks) {
    let children = ''
    try {
      children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8')
    } catch {
      continue
    }
    for (const child of children.split(/\s+/).filter(Boolean)) family.push(...familyOf(Number(child)))
  }
  return family
}

function statusOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024
    const name = /Name:\s+(\S+)/.exec(status)?.[1] ?? '?'
    return { pid, name, rss }
  } catch {
    return { pid, name: 'gone', rss: 0 }
  }
}

/** Total RSS in bytes of `pid` and its descendants, with the per-process figures. */
export function treeRss(pid) {
  const processes = familyOf(pid).map(statusOf)
  return { total: processes.reduce((sum, process) => sum + process.rss, 0), processes }
}
