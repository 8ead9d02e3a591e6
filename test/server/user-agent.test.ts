// The initialize userAgent, in codex's layout; each expectation was observed on codex 0.169.0.
import { describe, expect, it } from 'vitest'
import { describeTerminal, formatUserAgent, userAgent } from '../../server/core/user-agent.js'

describe('userAgent', () => {
  it('puts the client name, the codex protocol version, the host, the terminal and the client', () => {
    const host = { os: 'Debian 12.0.0', arch: 'x86_64', terminal: 'xterm' }
    expect(formatUserAgent({ name: 'my client', version: '1.2 beta' }, '0.169.0', host)).toBe('my client/0.169.0 (Debian 12.0.0; x86_64) xterm (my client; 1.2 beta)')
  })

  it('describes this machine in the same layout', () => {
    expect(userAgent({ name: 'c', version: '1' }, '0.169.0', { TERM: 'xterm' })).toMatch(/^c\/0\.169\.0 \([^;()]+ [^;()]+; [a-z0-9_]+\) xterm \(c; 1\)$/)
  })

  it.each([
    [{ TERM: 'xterm' }, 'xterm'],
    [{}, 'unknown'],
    [{ TERM: '' }, 'unknown'],
    [{ TERM: 'xterm weird' }, 'xterm_weird'],
    [{ TERM: 'xterm-256color', TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.4' }, 'iTerm.app/3.4'],
    [{ TERM: 'dumb', TERM_PROGRAM: 'vscode' }, 'vscode'],
    [{ TERM_PROGRAM: 'My Term!', TERM_PROGRAM_VERSION: '1 2' }, 'My_Term_/1_2'],
    [{ TERM_PROGRAM: '  ' }, 'unknown'],
    [{ TERM_PROGRAM: 'tmux', TERM_PROGRAM_VERSION: '3.3', TMUX: '/tmp/x' }, 'unknown'],
    [{ WEZTERM_VERSION: '2024' }, 'WezTerm/2024'],
    [{ KITTY_WINDOW_ID: '1' }, 'kitty'],
    [{ ALACRITTY_SOCKET: 'x' }, 'Alacritty'],
    [{ KONSOLE_VERSION: '230' }, 'Konsole/230'],
    [{ GNOME_TERMINAL_SCREEN: 'x' }, 'gnome-terminal'],
    [{ VTE_VERSION: '7000' }, 'VTE/7000'],
    [{ WT_SESSION: 'x' }, 'WindowsTerminal'],
  ])('names the terminal of %j as %s', (env, expected) => {
    expect(describeTerminal(env)).toBe(expected)
  })
})
