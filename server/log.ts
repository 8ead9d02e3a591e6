// One-line log messages on stderr. The level comes from REFERENCE_APP_SERVER_LOG
// (error, warn, info, debug or off; default info).

export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug'

export interface Logger {
  error(message: string): void
  warn(message: string): void
  info(message: string): void
  debug(message: string): void
}

const RANK: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 }

export function parseLogLevel(value: string | undefined): LogLevel | undefined {
  if (value === undefined || value === '') return 'info'
  return value in RANK ? (value as LogLevel) : undefined
}

export function createLogger(level: LogLevel, write: (line: string) => void = (line) => process.stderr.write(line)): Logger {
  const at = (wanted: LogLevel, tag: string) => (message: string) => {
    if (RANK[level] >= RANK[wanted]) write(`${new Date().toISOString()} ${tag} ${message}\n`)
  }
  return { error: at('error', 'ERROR'), warn: at('warn', 'WARN'), info: at('info', 'INFO'), debug: at('debug', 'DEBUG') }
}
