// feedback/*: a feedback report. feedback/upload sends it to codex's crash-report service, which
// an offline server cannot reach: it answers the error codex gives without a network.
// feedback/save writes the same report to a new ZIP file of the client's choosing: report.json
// (classification, reason, tags), manifest.json (what is attached) and, with `includeLogs`, the
// thread's history and the extra log files under attachments/.
import { randomBytes } from 'node:crypto'
import { link, readFile, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join } from 'node:path'
import { strToU8, zipSync, type Zippable } from 'fflate'
import { newId } from '../conversations/clock.js'
import type { ThreadManager } from '../conversations/thread-manager.js'
import { defineHandlers, ErrorCode, RpcError } from '../handler-types.js'
import type { FamilyEnvironment, HandlerFamily } from './family.js'
import { isSystemError, osErrorMessage } from './os-error.js'

const UPLOAD_URL = 'https://o33249.ingest.us.sentry.io/api/4510195390611458/envelope/'

export function feedbackFamily(environment: FamilyEnvironment, threads: ThreadManager): HandlerFamily {
  return {
    name: 'feedback',
    offlineErrors: ['feedback/upload'],
    handlers: defineHandlers({
      'feedback/upload': () => {
        throw new RpcError(ErrorCode.internal, `failed to upload feedback: failed to upload feedback to Sentry: error sending request for url (${UPLOAD_URL}): client error (Connect): dns error: failed to lookup address information: Name does not resolve`)
      },

      'feedback/save': async ({ savePath, classification, reason, threadId, includeLogs, extraLogFiles, tags }) => {
        if (!isAbsolute(savePath)) throw new RpcError(ErrorCode.invalidRequest, 'feedback savePath must be an absolute host path')
        const reportId = threadId ?? `no-active-thread-${newId()}`
        const attachments: Zippable = {}
        const manifest: { path: string; source: string }[] = []
        const attach = async (source: string) => {
          const path = `attachments/${String(manifest.length).padStart(4, '0')}/${basename(source)}`
          attachments[path] = await readFile(source)
          manifest.push({ path, source })
        }
        try {
          if (includeLogs === true && threadId != null) {
            const history = (await threads.store()).summary(threadId)?.meta.path
            if (history != null) await attach(history)
          }
          for (const file of extraLogFiles ?? []) await attach(file)
        } catch (error) {
          throw saveError(error)
        }
        const report = {
          event_id: randomBytes(16).toString('hex'),
          message: `[${titleCase(classification)}]: Codex session ${reportId}`,
          timestamp: Date.now() / 1000,
          reason: reason ?? null,
          tags: { ...tags, classification, cli_version: environment.codexVersion, session_source: 'vscode', thread_id: reportId },
        }
        const zip = zipSync({ 'report.json': strToU8(JSON.stringify(report)), ...attachments, 'manifest.json': strToU8(JSON.stringify(manifest)) })
        await writeNewFile(savePath, zip)
        return { savedPath: savePath, threadId: reportId, promptHash: null }
      },
    }),
  }
}

/**
 * Writes `data` to a temporary file beside `path`, then links it there: the link fails when
 * `path` exists, so a file the client already has is never replaced, and no half-written ZIP
 * ever appears under its name.
 */
async function writeNewFile(path: string, data: Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.tmp${randomBytes(4).toString('base64url').slice(0, 6)}`)
  try {
    await writeFile(temporary, data, { flag: 'wx' })
    await link(temporary, path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new RpcError(ErrorCode.internal, 'failed to save feedback: feedback save path already exists')
    throw saveError(error, temporary)
  } finally {
    await rm(temporary, { force: true })
  }
}

function saveError(error: unknown, path?: string): unknown {
  if (!isSystemError(error)) return error
  const at = path ?? (error as NodeJS.ErrnoException).path
  return new RpcError(ErrorCode.internal, `failed to save feedback: ${osErrorMessage(error)}${at === undefined ? '' : ` at path ${JSON.stringify(at)}`}`)
}

function titleCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
