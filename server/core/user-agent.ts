// The `userAgent` of the initialize response, in codex's layout:
//   `<client name>/<codex version> (<os> <os version>; <arch>) <terminal> (<client name>; <client version>)`
// e.g. `my client/0.169.0 (Debian 12.0.0; x86_64) xterm (my client; 1.2 beta)`. The version after the
// first `/` is the codex protocol version this server speaks: the real Codex TUI compares it with
// its own and warns about an older background service. OS and terminal are described the way codex
// does (its os_info and terminal detection), observed on codex 0.169.0.
import { readFileSync } from 'node:fs'
import { machine, platform, release } from 'node:os'

export interface UserAgentClient {
  name: string
  version: string
}

export interface HostDescription {
  /** `Debian 12.0.0`: operating system and its version. */
  os: string
  /** `x86_64`, `aarch64`: the machine name `uname -m` prints. */
  arch: string
  /** `xterm`, `iTerm.app/3.4`, `unknown`. */
  terminal: string
}

export function formatUserAgent(client: UserAgentClient, codexVersion: string, host: HostDescription): string {
  return `${client.name}/${codexVersion} (${host.os}; ${host.arch}) ${host.terminal} (${client.name}; ${client.version})`
}

/** Describes this machine and the terminal named by `env`; read once per server. */
export function describeHost(env: NodeJS.ProcessEnv = process.env): HostDescription {
  return { os: describeOs(), arch: machine() || 'unknown', terminal: describeTerminal(env) }
}

/** The terminal as codex names it: TERM_PROGRAM[/version], an emulator's own variable, TERM, or `unknown`. */
export function describeTerminal(env: NodeJS.ProcessEnv): string {
  const set = (name: string) => env[name] !== undefined
  const value = (name: string) => (env[name]?.trim() ? env[name] : undefined)
  const withVersion = (name: string, version: string | undefined) => (version ? `${name}/${version}` : name)
  let terminal = 'unknown'
  const program = value('TERM_PROGRAM')
  // Inside tmux codex asks the tmux client what it runs in; without that answer it goes on.
  if (program && !(program === 'tmux' && set('TMUX'))) terminal = withVersion(program, value('TERM_PROGRAM_VERSION'))
  else if (set('WEZTERM_VERSION')) terminal = withVersion('WezTerm', value('WEZTERM_VERSION'))
  else if (set('KITTY_WINDOW_ID') || env.TERM?.includes('kitty')) terminal = 'kitty'
  else if (set('ALACRITTY_SOCKET') || env.TERM === 'alacritty') terminal = 'Alacritty'
  else if (set('KONSOLE_VERSION')) terminal = withVersion('Konsole', value('KONSOLE_VERSION'))
  else if (set('GNOME_TERMINAL_SCREEN')) terminal = 'gnome-terminal'
  else if (set('VTE_VERSION')) terminal = withVersion('VTE', value('VTE_VERSION'))
  else if (set('WT_SESSION')) terminal = 'WindowsTerminal'
  else if (value('TERM')) terminal = env.TERM!
  // Only header-safe characters are kept (`My Term!` becomes `My_Term_`).
  return terminal.replace(/[^A-Za-z0-9._/-]/g, '_')
}

/** Names of Linux distributions (os-release ID) as codex prints them. */
const LINUX_NAMES: Record<string, string> = {
  alpine: 'Alpine Linux', amzn: 'Amazon Linux AMI', arch: 'Arch Linux', centos: 'CentOS', debian: 'Debian',
  fedora: 'Fedora', gentoo: 'Gentoo Linux', linuxmint: 'Linux Mint', manjaro: 'Manjaro', nixos: 'NixOS',
  opensuse: 'openSUSE', 'opensuse-leap': 'openSUSE', 'opensuse-tumbleweed': 'openSUSE', raspbian: 'Raspbian',
  rhel: 'Red Hat Enterprise Linux', rocky: 'Rocky Linux', sles: 'SUSE Linux Enterprise Server', ubuntu: 'Ubuntu',
}

function describeOs(): string {
  switch (platform()) {
    case 'linux': {
      const fields = readOsRelease()
      return `${LINUX_NAMES[fields.ID ?? ''] ?? 'Linux'} ${versionText(fields.VERSION_ID)}`
    }
    case 'darwin': {
      const plist = readText('/System/Library/CoreServices/SystemVersion.plist')
      return `Mac OS ${versionText(/<key>ProductVersion<\/key>\s*<string>([^<]*)<\/string>/.exec(plist)?.[1])}`
    }
    case 'win32':
      return `Windows ${versionText(release())}`
    default:
      return `Unknown ${versionText(release())}`
  }
}

/** `12` → `12.0.0`, `22.04` → `22.4.0`; other text as it is; nothing → `Unknown`. */
function versionText(text: string | undefined): string {
  if (!text) return 'Unknown'
  const parts = text.split('.')
  if (parts.length > 3 || !parts.every((part) => /^\d+$/.test(part))) return text
  return [0, 1, 2].map((index) => Number(parts[index] ?? 0)).join('.')
}

function readOsRelease(): Record<string, string> {
  const text = readText('/etc/os-release') || readText('/usr/lib/os-release')
  const fields: Record<string, string> = {}
  for (const line of text.split('\n')) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim())
    if (match) fields[match[1]!] = match[2]!.replace(/^["']|["']$/g, '')
  }
  return fields
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return ''
  }
}

/** The userAgent for `client` on this machine, speaking the given codex protocol version. */
export function userAgent(client: UserAgentClient, codexVersion: string, env: NodeJS.ProcessEnv = process.env): string {
  return formatUserAgent(client, codexVersion, describeHost(env))
}
