// A tiny shell process that outlives the server to end what the server started. Nothing runs in
// a process killed with SIGKILL, so the cleanup must live elsewhere: the watchdog holds a pipe
// from the server, and when the pipe closes (exit, crash or SIGKILL alike) it kills the process
// groups the server last reported and every process still carrying the server's environment
// marker — which catches children that left their group with setsid.
// Written in sh rather than Node: it starts in a millisecond and costs almost no memory.
import { spawn, type ChildProcess } from 'node:child_process'

// $1: the regular expression an environment entry of ours matches (anchored, NUL-separated).
// Lines from the server: `groups PGID...`, the process groups currently running.
// Signals are ignored so that a Ctrl-C sent to the terminal's group cannot end it before the server.
const SCRIPT = `
trap '' INT TERM HUP QUIT
groups=
while IFS= read -r line; do
  case $line in groups*) groups=\${line#groups} ;; esac
done
for group in $groups; do kill -9 -$group 2>/dev/null; done
round=0
while [ $round -lt 5 ]; do
  pids=$(grep -lz -e "$1" /proc/[0-9]*/environ 2>/dev/null | cut -d/ -f3)
  [ -z "$pids" ] && break
  kill -9 $pids 2>/dev/null
  round=$((round + 1))
done
`

export class OrphanWatchdog {
  readonly #child: ChildProcess

  /** `envPattern`: a basic regular expression matching the marker entry of our processes. */
  constructor(envPattern: string, env: NodeJS.ProcessEnv) {
    this.#child = spawn('/bin/sh', ['-c', SCRIPT, 'reference-app-server-watchdog', envPattern], {
      stdio: ['pipe', 'ignore', 'ignore'],
      detached: true, // its own session: signals meant for the server's terminal group miss it
      env,
    })
    this.#child.on('error', () => undefined) // no /bin/sh: the reaper at the next start remains
    this.#child.stdin!.on('error', () => undefined)
    // The watchdog must never keep the server's event loop alive.
    this.#child.unref()
    ;(this.#child.stdin as unknown as { unref?(): void }).unref?.()
  }

  /** Tells the watchdog which process groups are running now. */
  report(groups: Iterable<number>): void {
    this.#child.stdin!.write(`groups ${[...groups].join(' ')}\n`)
  }

  /** Makes the watchdog sweep and exit now (the server is closing on purpose). */
  release(): void {
    this.#child.stdin!.end()
  }
}
