// The realtime family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ThreadRealtimeStartParams = v2('ThreadRealtimeStartParams', t.object({
  threadId: t.string(),
  clientManagedHandoffs: t.option(t.boolean()),
  delegationAckFiller: t.option(t.boolean()),
  flushTranscriptTailOnSessionEnd: t.option(t.boolean()),
  codexResponsesAsItems: t.option(t.boolean()),
  codexResponseItemPrefix: t.option(t.string()),
  codexResponseHandoffMode: t.option(t.ref('CodexResponseHandoffMode')),
  backendReasoningStatus: t.optional(t.boolean()),
  codexResponseHandoffChannelPrefixes: t.option(t.map(t.array(t.string()))),
  model: t.option(t.string()),
  outputModality: t.ref('RealtimeOutputModality'),
  includeStartupContext: t.option(t.boolean()),
  initialItems: t.option(t.array(t.ref('ThreadRealtimeInitialItem'))),
  realtimeStartInstructions: t.option(t.string()),
  realtimeEndInstructions: t.option(t.string()),
  prompt: t.option(t.string()),
  realtimeSessionId: t.option(t.string()),
  voiceSessionId: t.option(t.string()),
  transport: t.option(t.ref('ThreadRealtimeStartTransport')),
  version: t.option(t.ref('RealtimeConversationVersion')),
  voice: t.option(t.ref('RealtimeVoice')),
}))

export const ThreadRealtimeStartResponse = v2('ThreadRealtimeStartResponse', t.object({}))

export const ThreadRealtimeAppendAudioParams = v2('ThreadRealtimeAppendAudioParams', t.object({
  threadId: t.string(),
  audio: t.ref('ThreadRealtimeAudioChunk'),
}))

export const ThreadRealtimeAppendAudioResponse = v2('ThreadRealtimeAppendAudioResponse', t.object({}))

export const ThreadRealtimeAppendTextParams = v2('ThreadRealtimeAppendTextParams', t.object({
  threadId: t.string(),
  text: t.string(),
  role: t.optional(t.ref('ConversationTextRole', { default: "user" })),
}))

export const ThreadRealtimeAppendTextResponse = v2('ThreadRealtimeAppendTextResponse', t.object({}))

export const ThreadRealtimeAppendSpeechParams = v2('ThreadRealtimeAppendSpeechParams', t.object({
  threadId: t.string(),
  text: t.string(),
}))

export const ThreadRealtimeAppendSpeechResponse = v2('ThreadRealtimeAppendSpeechResponse', t.object({}))

export const ThreadRealtimeStopParams = v2('ThreadRealtimeStopParams', t.object({
  threadId: t.string(),
}))

export const ThreadRealtimeStopResponse = v2('ThreadRealtimeStopResponse', t.object({}))

export const ThreadRealtimeListVoicesParams = v2('ThreadRealtimeListVoicesParams', t.object({}))

export const ThreadRealtimeListVoicesResponse = v2('ThreadRealtimeListVoicesResponse', t.object({
  voices: t.ref('RealtimeVoicesList'),
}))

export const ThreadRealtimeStartedNotification = v2('ThreadRealtimeStartedNotification', t.object({
  threadId: t.string(),
  realtimeSessionId: t.option(t.string()),
  version: t.ref('RealtimeConversationVersion'),
}))

export const ThreadRealtimeItemAddedNotification = v2('ThreadRealtimeItemAddedNotification', t.object({
  threadId: t.string(),
  item: t.json(),
}))

export const ThreadRealtimeItemStartedNotification = v2('ThreadRealtimeItemStartedNotification', t.object({
  threadId: t.string(),
  item: t.ref('ThreadRealtimeItem'),
}))

export const ThreadRealtimeItemTranscriptDeltaNotification = v2('ThreadRealtimeItemTranscriptDeltaNotification', t.object({
  threadId: t.string(),
  itemId: t.string(),
  delta: t.string(),
}))

export const ThreadRealtimeItemCompletedNotification = v2('ThreadRealtimeItemCompletedNotification', t.object({
  threadId: t.string(),
  item: t.ref('ThreadRealtimeItem'),
}))

export const ThreadRealtimeTranscriptDeltaNotification = v2('ThreadRealtimeTranscriptDeltaNotification', t.object({
  threadId: t.string(),
  role: t.string(),
  delta: t.string(),
}))

export const ThreadRealtimeTranscriptDoneNotification = v2('ThreadRealtimeTranscriptDoneNotification', t.object({
  threadId: t.string(),
  role: t.string(),
  text: t.string(),
}))

export const ThreadRealtimeOutputAudioDeltaNotification = v2('ThreadRealtimeOutputAudioDeltaNotification', t.object({
  threadId: t.string(),
  audio: t.ref('ThreadRealtimeAudioChunk'),
}))

export const ThreadRealtimeSdpNotification = v2('ThreadRealtimeSdpNotification', t.object({
  threadId: t.string(),
  sdp: t.string(),
}))

export const ThreadRealtimeErrorNotification = v2('ThreadRealtimeErrorNotification', t.object({
  threadId: t.string(),
  message: t.string(),
}))

export const ThreadRealtimeClosedNotification = v2('ThreadRealtimeClosedNotification', t.object({
  threadId: t.string(),
  reason: t.option(t.string()),
}))

export const CodexResponseHandoffMode = v2('CodexResponseHandoffMode', t.enum(['thinking', 'commentary', 'bemTags']))

export const ConversationTextRole = v2('ConversationTextRole', t.enum(['user', 'developer', 'assistant']))

export const RealtimeConversationVersion = v2('RealtimeConversationVersion', t.enum(['v1', 'v2', 'v3']))

export const RealtimeOutputModality = v2('RealtimeOutputModality', t.enum(['text', 'audio']))

export const RealtimeVoice = v2('RealtimeVoice', t.enum(['alloy', 'arbor', 'ash', 'aube', 'ballad', 'breeze', 'bubbie', 'cedar', 'coral', 'cove', 'echo', 'ember', 'haetsal', 'hanul', 'himari', 'juniper', 'leher', 'maple', 'marin', 'miko', 'neer', 'porto', 'rindo', 'rio', 'rivage', 'sage', 'selva', 'shimmer', 'sol', 'sonna', 'spruce', 'tinta', 'vale', 'verse', 'viola']))

export const RealtimeVoicesList = v2('RealtimeVoicesList', t.object({
  v1: t.array(t.ref('RealtimeVoice')),
  v2: t.array(t.ref('RealtimeVoice')),
  v3: t.optional(t.array(t.ref('RealtimeVoice'), { default: [] })),
  defaultV1: t.ref('RealtimeVoice'),
  defaultV2: t.ref('RealtimeVoice'),
}))

export const ThreadRealtimeAudioChunk = v2('ThreadRealtimeAudioChunk', t.object({
  data: t.string(),
  sampleRate: t.uint('uint32'),
  numChannels: t.uint('uint16'),
  samplesPerChannel: t.option(t.uint('uint32')),
  itemId: t.option(t.string()),
}))

export const ThreadRealtimeInitialItem = v2('ThreadRealtimeInitialItem', t.object({
  role: t.ref('ConversationTextRole'),
  text: t.string(),
}))

export const ThreadRealtimeStartTransport = v2('ThreadRealtimeStartTransport', t.tagged('type', {
  websocket: {},
  webrtc: {
    sdp: t.string(),
  },
  existingCall: {
    callId: t.string(),
  },
}))
