// Confinement of the commands one server runs, as codex confines them on Linux: under a
// `readOnly` or `workspaceWrite` policy a command runs inside bubblewrap (see bwrap-arguments.ts);
// `dangerFullAccess` and `externalSandbox` run it as it is. Whether bubblewrap works here is
// found out once, on first need, by running it: it may be missing, or the kernel or the container
// may forbid the namespaces it needs. Where it cannot work, a command that asked for confinement
// is refused, never run unconfined.
import { execFile } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'
import type { SandboxPolicy } from '../../generated/experimental/index.js'
import type { ExecPlan } from '../handlers/exec-plan.js'
import { allowsNetwork, bwrapArguments } from './bwrap-arguments.js'
import { writableRootsOf } from './writable-roots.js'

/** Set in a confined command's environment when it has no network, as codex sets it. */
export const NETWORK_DISABLED_ENV = 'CODEX_SANDBOX_NETWORK_DISABLED'
const PROBE_TIMEOUT_MS = 10_000

export interface SandboxOptions {
  /** The bubblewrap program to use; found on PATH when absent. */
  bwrapPath?: string
}

type Availability = { usable: true; bwrap: string; mountProc: boolean } | { usable: false; reason: string }

/** Confinement is needed and cannot be had: the command must not run. */
export class SandboxUnavailableError extends Error {}

export class Sandbox {
  #availability: Promise<Availability> | undefined

  constructor(private readonly options: SandboxOptions = {}) {}

  /** Whether a command under this policy runs confined. */
  confines(policy: SandboxPolicy): boolean {
    return policy.type === 'readOnly' || policy.type === 'workspaceWrite'
  }

  /** Why confinement cannot be had here, or undefined when it can. */
  async unavailableReason(): Promise<string | undefined> {
    const availability = await this.#probe()
    return availability.usable ? undefined : availability.reason
  }

  /**
   * The plan that runs `plan` under `policy`: unchanged for a policy that does not confine, wrapped in
   * bubblewrap otherwise. Throws SandboxUnavailableError when the command cannot be confined.
   */
  async confine(plan: ExecPlan, policy: SandboxPolicy): Promise<ExecPlan> {
    if (!this.confines(policy)) return plan
    const availability = await this.#probe()
    if (!availability.usable) throw new SandboxUnavailableError(availability.reason)
    let roots
    try {
      roots = writableRootsOf(policy, plan.cwd, plan.env)
    } catch (error) {
      throw new SandboxUnavailableError((error as Error).message)
    }
    const network = allowsNetwork(policy)
    const args = bwrapArguments(plan.argv, roots, { mountProc: availability.mountProc, network })
    const env = network ? plan.env : { ...plan.env, [NETWORK_DISABLED_ENV]: '1' }
    return { ...plan, argv: [availability.bwrap, ...args], env }
  }

  #probe(): Promise<Availability> {
    this.#availability ??= this.#findOut()
    return this.#availability
  }

  async #findOut(): Promise<Availability> {
    if (process.platform !== 'linux') return { usable: false, reason: `the reference server confines commands with bubblewrap, which needs Linux (this is ${process.platform})` }
    const bwrap = this.options.bwrapPath ?? onPath('bwrap')
    if (bwrap === undefined) return { usable: false, reason: 'bubblewrap is unavailable: no system bwrap was found on PATH (install the bubblewrap package)' }
    if (!isExecutable(bwrap)) return { usable: false, reason: `bubblewrap is unavailable: ${bwrap} is not an executable program` }
    // The same shape as a real confined command; container runtimes that forbid mounting /proc
    // still allow the rest, which codex then uses without a fresh /proc.
    const probe = (mountProc: boolean) => run(bwrap, bwrapArguments(['true'], [], { mountProc, network: false }))
    const withProc = await probe(true)
    if (withProc === undefined) return { usable: true, bwrap, mountProc: true }
    if (await probe(false) === undefined) return { usable: true, bwrap, mountProc: false }
    const namespaces = /permission denied|operation not permitted|no permissions to create a new namespace/i.test(withProc)
    return {
      usable: false,
      reason: namespaces
        ? `Codex's Linux sandbox uses bubblewrap and needs access to create user namespaces. (${withProc})`
        : `bubblewrap cannot run here: ${withProc}`,
    }
  }
}

/** Runs a program to its end: undefined when it succeeded, else what went wrong in one line. */
function run(program: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(program, args, { timeout: PROBE_TIMEOUT_MS }, (error, _stdout, stderr) => {
      if (error === null) return resolve(undefined)
      const said = stderr.trim().split('\n').filter(Boolean).at(-1)
      resolve(said ?? error.message)
    })
  })
}

function onPath(program: string): string | undefined {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    if (folder === '') continue
    const candidate = join(folder, program)
    if (isExecutable(candidate)) return candidate
  }
  return undefined
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}
