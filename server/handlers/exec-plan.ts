// Turns command/exec and process/spawn params into a plan to run, rejecting contradictory or
// unsupported options with codex's messages, checked in the order codex checks them.
import { resolve } from 'node:path'
import type { CommandExecParams, ProcessSpawnParams } from '../../generated/experimental/index.js'
import { ErrorCode, RpcError } from '../handler-types.js'

/** Defaults codex applies when the client leaves them out. */
export const DEFAULT_TIMEOUT_MS = 10_000
export const DEFAULT_OUTPUT_BYTES_CAP = 1024 * 1024
/** Exit code reported for a command stopped by its timeout (as `timeout(1)` does). */
export const TIMEOUT_EXIT_CODE = 124

export interface ExecPlan {
  argv: [string, ...string[]]
  /** Client-chosen id; undefined for a buffered command the client cannot address. */
  processId: string | undefined
  cwd: string
  env: NodeJS.ProcessEnv
  /** null: no timeout. */
  timeoutMs: number | null
  /** Per stream; null: no cap. */
  outputBytesCap: number | null
  streamOutput: boolean
  streamStdin: boolean
}

export function planExec(params: CommandExecParams): ExecPlan {
  const [program, ...args] = params.command
  if (program === undefined) throw invalidRequest('command must not be empty')
  if (params.permissionProfile != null && params.sandboxPolicy != null) {
    throw invalidRequest('`permissionProfile` cannot be combined with `sandboxPolicy`')
  }
  if (params.size != null && params.tty !== true) throw invalidParams('command/exec size requires tty: true')
  if (params.outputBytesCap != null && params.disableOutputCap === true) {
    throw invalidParams('command/exec cannot set both outputBytesCap and disableOutputCap')
  }
  if (params.timeoutMs != null && params.disableTimeout === true) {
    throw invalidParams('command/exec cannot set both timeoutMs and disableTimeout')
  }
  if (params.timeoutMs != null && params.timeoutMs < 0) {
    throw invalidParams(`command/exec timeoutMs must be non-negative, got ${params.timeoutMs}`)
  }
  if (params.size != null && (params.size.rows === 0 || params.size.cols === 0)) {
    throw invalidParams('command/exec size rows and cols must be greater than 0')
  }
  const tty = params.tty === true
  const streamOutput = tty || params.streamStdoutStderr === true
  const streamStdin = tty || params.streamStdin === true
  if ((streamOutput || streamStdin) && params.processId == null) {
    throw invalidRequest('command/exec tty or streaming requires a client-supplied processId')
  }
  // Node has no pseudo-terminals of its own; a PTY needs a native module this server does not use.
  if (tty) throw invalidRequest('command/exec tty is not supported by this server (it has no pseudo-terminal support); use streamStdin and streamStdoutStderr without tty')
  if (params.permissionProfile != null) {
    throw invalidRequest('command/exec permissionProfile is not supported by this server: give a sandboxPolicy instead')
  }
  return {
    argv: [program, ...args],
    processId: params.processId ?? undefined,
    cwd: resolve(process.cwd(), params.cwd ?? '.'),
    env: mergeEnv(process.env, params.env ?? {}),
    timeoutMs: params.disableTimeout === true ? null : (params.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    outputBytesCap: params.disableOutputCap === true ? null : (params.outputBytesCap ?? DEFAULT_OUTPUT_BYTES_CAP),
    streamOutput,
    streamStdin,
  }
}

/**
 * process/spawn's plan: like command/exec's, but every process has a client handle, an absolute
 * cwd, and null (not a flag) turns the timeout or the cap off.
 */
export function planSpawn(params: ProcessSpawnParams): ExecPlan {
  const [program, ...args] = params.command
  if (program === undefined) throw invalidRequest('command must not be empty')
  if (params.size != null && params.tty !== true) throw invalidParams('process/spawn size requires tty: true')
  if (params.timeoutMs != null && params.timeoutMs < 0) {
    throw invalidParams(`process/spawn timeoutMs must be non-negative, got ${params.timeoutMs}`)
  }
  if (params.size != null && (params.size.rows === 0 || params.size.cols === 0)) {
    throw invalidParams('process size rows and cols must be greater than 0')
  }
  // As for command/exec: no pseudo-terminals without a native module.
  if (params.tty === true) throw invalidRequest('process/spawn tty is not supported by this server (it has no pseudo-terminal support); use streamStdin and streamStdoutStderr without tty')
  return {
    argv: [program, ...args],
    processId: params.processHandle,
    cwd: params.cwd,
    env: mergeEnv(process.env, params.env ?? {}),
    timeoutMs: params.timeoutMs === undefined ? DEFAULT_TIMEOUT_MS : params.timeoutMs,
    outputBytesCap: params.outputBytesCap === undefined ? DEFAULT_OUTPUT_BYTES_CAP : params.outputBytesCap,
    streamOutput: params.streamStdoutStderr === true,
    streamStdin: params.streamStdin === true,
  }
}

/** Overrides replace inherited variables; a null override removes one. */
function mergeEnv(base: NodeJS.ProcessEnv, overrides: { [name: string]: string | null | undefined }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base }
  for (const [name, value] of Object.entries(overrides)) {
    if (value === null) delete env[name]
    else if (value !== undefined) env[name] = value
  }
  return env
}

function invalidRequest(message: string): RpcError {
  return new RpcError(ErrorCode.invalidRequest, message)
}

function invalidParams(message: string): RpcError {
  return new RpcError(ErrorCode.invalidParams, message)
}
