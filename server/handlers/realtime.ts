// thread/realtime/*: codex's voice and text sessions run on OpenAI's realtime service, which an
// offline server cannot reach. The voice catalog is real (codex's fixed list); a session on a
// loaded thread starts and reports at once that it cannot run, as codex does when it has no API
// key, and what is sent to it afterwards gets codex's "not running" error.
import { v7 } from 'uuid'
import type { RealtimeVoicesList } from '../../generated/experimental/index.js'
import { defineHandlers, type HandlerContext } from '../handler-types.js'
import type { RequireLoadedThread } from './mcp.js'
import type { HandlerFamily } from './family.js'

const VOICES: RealtimeVoicesList = {
  v1: ['juniper', 'maple', 'spruce', 'ember', 'vale', 'breeze', 'arbor', 'sol', 'cove'],
  v2: ['alloy', 'ash', 'ballad', 'coral', 'echo', 'sage', 'shimmer', 'verse', 'marin', 'cedar'],
  v3: [
    'juniper', 'maple', 'spruce', 'ember', 'vale', 'breeze', 'arbor', 'sol', 'cove', 'aube', 'bubbie', 'haetsal', 'hanul',
    'himari', 'leher', 'miko', 'neer', 'porto', 'rindo', 'rio', 'rivage', 'selva', 'sonna', 'tinta', 'viola',
  ],
  defaultV1: 'cove',
  defaultV2: 'marin',
}

export class RealtimeFamily implements HandlerFamily {
  readonly name = 'realtime'
  readonly offlineErrors = [
    'thread/realtime/start', 'thread/realtime/appendAudio', 'thread/realtime/appendText', 'thread/realtime/appendSpeech', 'thread/realtime/stop',
  ] as const
  readonly handlers

  constructor(requireThread: RequireLoadedThread) {
    const notRunning = ({ threadId }: { threadId: string }, context: HandlerContext) => {
      requireThread(threadId)
      context.afterResponse(() => context.notify('error', {
        error: { message: 'conversation is not running', codexErrorInfo: 'badRequest', additionalDetails: null, misalignment: null },
        willRetry: false, threadId, turnId: v7(),
      }))
      return {}
    }
    this.handlers = defineHandlers({
      'thread/realtime/listVoices': () => ({ voices: VOICES }),
      'thread/realtime/start': ({ threadId }, context) => {
        requireThread(threadId)
        context.afterResponse(() => context.notify('thread/realtime/error', { threadId, message: 'realtime conversation requires API key auth' }))
        return {}
      },
      'thread/realtime/appendAudio': notRunning,
      'thread/realtime/appendText': notRunning,
      'thread/realtime/appendSpeech': notRunning,
      'thread/realtime/stop': ({ threadId }, context) => {
        requireThread(threadId)
        context.afterResponse(() => context.notify('thread/realtime/closed', { threadId, reason: 'requested' }))
        return {}
      },
    })
  }
}
