// Requests that steer a loaded thread without running a turn: the count of prompts a client has
// open outside the protocol (thread/increment_elicitation, thread/decrement_elicitation), the
// settings of its next turns (thread/settings/update) or of its running turn (turn/settings/update),
// an approved plan handed to its next turn (thread/prepareApprovedPlan), the automatic reviewer
// (thread/guardianReview), and rollout/compress. Observed on codex 0.169.0:
// test/server/fixtures/codex-0.169.0/conversations/j-thread-misc.jsonl.
import { readFile } from 'node:fs/promises'
import { isAbsolute, join } from 'node:path'
import { defineHandlers, ErrorCode, RpcError } from '../handler-types.js'
import { conversationErrors } from '../conversations/conversation-errors.js'
import type { LoadedThread } from '../conversations/loaded-thread.js'
import { threadFamilyErrors } from '../conversations/thread-family-errors.js'
import { checkThreadId } from '../conversations/thread-id.js'
import type { ThreadManager } from '../conversations/thread-manager.js'
import { updatedSettings, wireSettings } from '../conversations/thread-settings-update.js'
import { CONFIG_FILE_NAME } from './config-store.js'
import { isPlainTable, loadTomlParser, parseConfigToml, TomlSyntaxError } from './config-toml.js'
import { MODEL_CATALOG } from './model-catalog.js'

/** The prompt codex gives for the first turn of an approved plan. */
const APPROVED_PLAN_PROMPT = 'Implement the plan.'

/** Answered only with the error codex gives without the model service it needs. */
export const THREAD_CONTROL_REFUSALS = ['thread/guardianReview'] as const

export function threadControlHandlers(manager: ThreadManager, home: string) {
  // Out-of-band prompts open per loaded thread; a thread loaded again starts from none.
  const openPrompts = new WeakMap<LoadedThread, number>()

  const loaded = (threadId: string): LoadedThread => {
    checkThreadId(threadId)
    return manager.loadedOr(threadId, conversationErrors.threadNotFound)
  }

  const countPrompts = (thread: LoadedThread, change: 1 | -1) => {
    const count = (openPrompts.get(thread) ?? 0) + change
    if (count < 0) throw threadFamilyErrors.elicitationAtZero()
    openPrompts.set(thread, count)
    // Turn timeouts pause while any prompt is open.
    return { count, paused: count > 0 }
  }

  return defineHandlers({
    'thread/increment_elicitation': ({ threadId }) => countPrompts(loaded(threadId), 1),
    'thread/decrement_elicitation': ({ threadId }) => countPrompts(loaded(threadId), -1),

    // Subscribers hear the settings now in effect, only when something changed.
    'thread/settings/update': async (params, context) => {
      const thread = loaded(params.threadId)
      const next = updatedSettings(thread.settings, thread.meta.cwd, params)
      const cwdChanged = next.cwd !== thread.meta.cwd
      if (!cwdChanged && JSON.stringify(next.settings) === JSON.stringify(thread.settings)) return {}
      if (cwdChanged) await thread.changeMeta({ cwd: next.cwd })
      await thread.changeSettings(next.settings)
      const threadSettings = wireSettings(thread)
      context.afterResponse(() => thread.emit('thread/settings/updated', { threadId: thread.id, threadSettings }))
      return {}
    },

    // codex 0.169.0 refuses every change to a running turn unless its step_model_switching feature
    // is on (config.toml `[features]`). With it, only the running turn takes changes; the offline
    // agent streams the same reply whatever model or effort it is given.
    'turn/settings/update': async ({ threadId, turnId, model }) => {
      const thread = loaded(threadId)
      if (!(await stepModelSwitching(home))) throw threadFamilyErrors.stepModelSwitching()
      if (thread.running?.turn.id !== turnId) return { status: 'targetUnavailable' as const }
      if (model != null && !MODEL_CATALOG.some((entry) => entry.id === model)) throw threadFamilyErrors.fallbackModel()
      return { status: 'applied' as const }
    },

    // The reviewer is a model: offline there is never a pending action it could judge.
    'thread/guardianReview': ({ threadId }) => {
      const thread = loaded(threadId)
      throw thread.isMaterialized ? threadFamilyErrors.guardianNoCompletedCall() : threadFamilyErrors.guardianNoFinalCall()
    },

    // When the plan's saved copy cannot be read, the plan itself goes into what the model sees.
    'thread/prepareApprovedPlan': async ({ threadId, markdown, attachmentPath }) => {
      const thread = loaded(threadId)
      if (attachmentPath != null && !isAbsolute(attachmentPath)) throw threadFamilyErrors.attachmentNotAbsolute()
      if (markdown.trim() === '') throw threadFamilyErrors.emptyPlan()
      const readable = attachmentPath != null && (await readFile(attachmentPath).then(() => true, () => false))
      if (!readable) {
        await thread.record([{ type: 'modelItems', items: [{ type: 'message', role: 'developer', content: [{ type: 'input_text', text: markdown }] }] }])
      }
      return { prompt: APPROVED_PLAN_PROMPT }
    },

    // This server keeps its histories uncompressed: there is nothing to compress.
    'rollout/compress': () => ({}),
  })
}

/** Whether the home's config.toml turns codex's step_model_switching feature on. */
async function stepModelSwitching(home: string): Promise<boolean> {
  const text = await readFile(join(home, CONFIG_FILE_NAME), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return ''
    throw error
  })
  await loadTomlParser()
  try {
    const features = parseConfigToml(text).features
    return isPlainTable(features) && features.step_model_switching === true
  } catch (error) {
    if (error instanceof TomlSyntaxError) throw new RpcError(ErrorCode.invalidRequest, `failed to load configuration: ${join(home, CONFIG_FILE_NAME)}:${error.message}`)
    throw error
  }
}
