// The realtime family (experimental): a live voice or text conversation with a realtime model
// layered on a thread, which hands work to Codex — starting and stopping it, sending input, and
// the transcript, audio and item notifications it produces.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ThreadRealtimeStartParams = v2('ThreadRealtimeStartParams', t.object({
  threadId: t.describe('Thread to attach the realtime session to.', t.string()),
  clientManagedHandoffs: t.option(t.boolean(), { description: 'Let the client pass Codex\'s responses into the session itself (through the append requests) instead of the server doing it automatically (default false).' }),
  delegationAckFiller: t.option(t.boolean(), { description: 'Whether the realtime model says a short acknowledgement when it hands work to Codex (v3 only); the realtime service\'s default when absent.' }),
  flushTranscriptTailOnSessionEnd: t.option(t.boolean(), { description: 'When the session ends, pass any transcript not yet handed over to Codex (default false); a rollout switch that may go away.' }),
  codexResponsesAsItems: t.option(t.boolean(), { description: 'Add the agent\'s automatic replies to the conversation as items rather than appending them as handoffs.' }),
  codexResponseItemPrefix: t.option(t.string(), { description: 'Text put in front of those items when `codexResponsesAsItems` is on.' }),
  codexResponseHandoffMode: t.option(t.ref('CodexResponseHandoffMode'), { description: 'How automatic Codex responses are passed in (v3 only; default `thinking`).' }),
  backendReasoningStatus: t.optional(t.describe('Pass Codex\'s public reasoning summaries to the realtime model as quiet context during v3 delegations (default false).', t.boolean())),
  codexResponseHandoffChannelPrefixes: t.option(t.map(t.array(t.string())), { description: 'Custom prefixes for the `bemTags` mode, keyed by channel (`analysis`, `commentary`, `final`); channels left out keep the default bracketed prefixes.' }),
  model: t.option(t.string(), { description: 'Realtime model for this session; the configured one when absent.' }),
  outputModality: t.describe('Whether the model answers with text or audio (independent of transport and voice).', t.ref('RealtimeOutputModality')),
  includeStartupContext: t.option(t.boolean(), { description: 'Set to false to leave out the context Codex normally provides at startup; included when absent or null.' }),
  initialItems: t.option(t.array(t.ref('ThreadRealtimeInitialItem')), { description: 'Messages to start the session history with (v3 only): at most 128 items and about 8,192 text tokens in total.' }),
  realtimeStartInstructions: t.option(t.string(), { description: 'Extra developer instructions for the model that runs this session, applied as it opens.' }),
  realtimeEndInstructions: t.option(t.string(), { description: 'Extra developer instructions for the model that runs this session, applied as it closes.' }),
  prompt: t.option(t.string(), { description: 'Instructions for the realtime model: absent uses the default prompt, null uses none, a string replaces it.' }),
  realtimeSessionId: t.option(t.string(), { description: 'Id to use for the realtime session.' }),
  voiceSessionId: t.option(t.string(), { description: 'Client-generated id of the product-level voice session; not the same as `realtimeSessionId`.' }),
  transport: t.option(t.ref('ThreadRealtimeStartTransport'), { description: 'How the client connects to the session.' }),
  version: t.option(t.ref('RealtimeConversationVersion'), { description: 'Realtime protocol version for this session; the configured one when absent.' }),
  voice: t.option(t.ref('RealtimeVoice'), { description: 'Voice to speak with; the version\'s default when absent.' }),
}), 'Parameters of `thread/realtime/start`, which opens a realtime session on a thread.')

export const ThreadRealtimeStartResponse = v2('ThreadRealtimeStartResponse', t.object({}), 'Result of `thread/realtime/start`; empty. `thread/realtime/started` follows once the session is accepted.')

export const ThreadRealtimeAppendAudioParams = v2('ThreadRealtimeAppendAudioParams', t.object({
  threadId: t.describe('Thread whose realtime session receives the audio.', t.string()),
  audio: t.describe('The audio to add.', t.ref('ThreadRealtimeAudioChunk')),
}), 'Parameters of `thread/realtime/appendAudio`, which sends input audio (such as microphone sound) to the session.')

export const ThreadRealtimeAppendAudioResponse = v2('ThreadRealtimeAppendAudioResponse', t.object({}), 'Result of `thread/realtime/appendAudio`; empty on success.')

export const ThreadRealtimeAppendTextParams = v2('ThreadRealtimeAppendTextParams', t.object({
  threadId: t.describe('Thread whose realtime session receives the text.', t.string()),
  text: t.describe('The message text.', t.string()),
  role: t.optional(t.describe('Who the message is from (default `user`).', t.ref('ConversationTextRole', { default: "user" }))),
}), 'Parameters of `thread/realtime/appendText`, which adds a text message to the session.')

export const ThreadRealtimeAppendTextResponse = v2('ThreadRealtimeAppendTextResponse', t.object({}), 'Result of `thread/realtime/appendText`; empty on success.')

export const ThreadRealtimeAppendSpeechParams = v2('ThreadRealtimeAppendSpeechParams', t.object({
  threadId: t.describe('Thread whose realtime session should speak.', t.string()),
  text: t.describe('Text for the model to say aloud.', t.string()),
}), 'Parameters of `thread/realtime/appendSpeech`, which gives the session text to speak.')

export const ThreadRealtimeAppendSpeechResponse = v2('ThreadRealtimeAppendSpeechResponse', t.object({}), 'Result of `thread/realtime/appendSpeech`; empty on success.')

export const ThreadRealtimeStopParams = v2('ThreadRealtimeStopParams', t.object({
  threadId: t.describe('Thread whose realtime session to end.', t.string()),
}), 'Parameters of `thread/realtime/stop`.')

export const ThreadRealtimeStopResponse = v2('ThreadRealtimeStopResponse', t.object({}), 'Result of `thread/realtime/stop`; empty on success.')

export const ThreadRealtimeListVoicesParams = v2('ThreadRealtimeListVoicesParams', t.object({}), 'Parameters of `thread/realtime/listVoices`; no fields.')

export const ThreadRealtimeListVoicesResponse = v2('ThreadRealtimeListVoicesResponse', t.object({
  voices: t.describe('Supported voices by protocol version.', t.ref('RealtimeVoicesList')),
}), 'Result of `thread/realtime/listVoices`.')

export const ThreadRealtimeListParams = v2('ThreadRealtimeListParams', t.object({
  threadId: t.describe('Thread whose realtime history to list.', t.string()),
  sessionId: t.option(t.string(), { description: 'Only items of this realtime session.' }),
  fromObservedAtMs: t.option(t.int('int64'), { description: 'Only items observed at or after this time, Unix epoch milliseconds.' }),
  toObservedAtMs: t.option(t.int('int64'), { description: 'Only items observed before this time, Unix epoch milliseconds.' }),
  order: t.option(t.ref('ThreadRealtimeOrder'), { description: 'Sort order; by observation time when absent.' }),
  afterPosition: t.option(t.uint('uint64'), { description: 'Only items after this position.' }),
  eventId: t.option(t.string(), { description: 'Wait for this event (for example the acknowledgement of a completed item): the answer is pending until it is in the history. Other filters may still leave it out.' }),
  cursor: t.option(t.string(), { description: 'Opaque cursor from a previous page; null for the first page.' }),
  limit: t.option(t.uint('uint32'), { description: 'Largest page to return.' }),
  snapshotEnd: t.option(t.uint('uint64'), { description: 'Position (excluded) that ends a fixed snapshot to page through.' }),
  requiredThroughPosition: t.option(t.uint('uint64'), { description: 'The answer is pending until the history includes this position.' }),
}), { added: '0.171.0', description: 'Lists the realtime (voice) items of a thread\'s history, filtered and paged.' })

export const ThreadRealtimeListResponse = v2('ThreadRealtimeListResponse', t.object({
  data: t.describe('Items on this page.', t.array(t.ref('ThreadRealtimeEntry'))),
  nextCursor: t.option(t.string(), { description: 'Cursor for the next page; null on the last page.' }),
  snapshotEnd: t.describe('Position (excluded) that ends the snapshot this page belongs to; pass it back to keep paging the same snapshot.', t.uint('uint64')),
  projectedThroughItemIndex: t.describe('Position (excluded) up to which the thread\'s history has been processed into realtime items.', t.uint('uint64')),
  coverage: t.describe('Whether realtime items are available for this thread.', t.ref('ThreadRealtimeCoverage')),
}), { added: '0.171.0', description: 'One page of a thread\'s realtime items.' })

export const ThreadRealtimeEntry = v2('ThreadRealtimeEntry', t.object({
  position: t.describe('Place of the item in the thread\'s realtime history.', t.uint('uint64')),
  item: t.describe('The item.', t.ref('ThreadRealtimeItem')),
}), { added: '0.171.0', description: 'A realtime item with its position.' })

export const ThreadRealtimeCoverage = v2('ThreadRealtimeCoverage', t.enum(['unsupported', 'pending', 'ready']), { added: '0.171.0', description: 'Whether a thread\'s realtime items can be listed: not at all, not yet (still being processed), or yes.' })

export const ThreadRealtimeOrder = v2('ThreadRealtimeOrder', t.oneOf([
  t.literal('observedAt', { description: 'By the time each item was observed.' }),
  t.literal('position', { description: 'By position in the history.' }),
]), { added: '0.171.0', description: 'Sort order of `thread/realtime/list`.' })

export const ThreadRealtimeStartedNotification = v2('ThreadRealtimeStartedNotification', t.object({
  threadId: t.describe('Thread the session belongs to.', t.string()),
  realtimeSessionId: t.option(t.string(), { description: 'Id of the realtime session, when known.' }),
  version: t.describe('Protocol version in use.', t.ref('RealtimeConversationVersion')),
}), 'Sent when a realtime session has been accepted and started.')

export const ThreadRealtimeItemAddedNotification = v2('ThreadRealtimeItemAddedNotification', t.object({
  threadId: t.describe('Thread the session belongs to.', t.string()),
  item: t.describe('The item as the realtime backend sent it.', t.json()),
}), 'A non-audio item from the realtime backend, passed on unchanged.')

export const ThreadRealtimeItemStartedNotification = v2('ThreadRealtimeItemStartedNotification', t.object({
  threadId: t.describe('Thread the session belongs to.', t.string()),
  item: t.describe('The item, before its content arrives.', t.ref('ThreadRealtimeItem')),
}), 'Sent when a realtime conversation item begins, before its content streams.')

export const ThreadRealtimeItemTranscriptDeltaNotification = v2('ThreadRealtimeItemTranscriptDeltaNotification', t.object({
  threadId: t.describe('Thread the session belongs to.', t.string()),
  itemId: t.describe('Item the text belongs to.', t.string()),
  delta: t.describe('Text to append to the item\'s transcript.', t.string()),
}), 'More transcript text for a realtime item in progress.')

export const ThreadRealtimeItemCompletedNotification = v2('ThreadRealtimeItemCompletedNotification', t.object({
  threadId: t.describe('Thread the session belongs to.', t.string()),
  item: t.describe('The item in its final form.', t.ref('ThreadRealtimeItem')),
}), 'Sent when a realtime conversation item is final and recorded.')

export const ThreadRealtimeTranscriptDeltaNotification = v2('ThreadRealtimeTranscriptDeltaNotification', t.object({
  threadId: t.describe('Thread the session belongs to.', t.string()),
  role: t.describe('Who is speaking (such as `user` or `assistant`).', t.string()),
  delta: t.describe('New transcript text.', t.string()),
}), 'A piece of live transcript text, sent whenever the transcript grows.')

export const ThreadRealtimeTranscriptDoneNotification = v2('ThreadRealtimeTranscriptDoneNotification', t.object({
  threadId: t.describe('Thread the session belongs to.', t.string()),
  role: t.describe('Who spoke (such as `user` or `assistant`).', t.string()),
  text: t.describe('Full text of the finished transcript part.', t.string()),
}), 'The complete text of a finished transcript part.')

export const ThreadRealtimeOutputAudioDeltaNotification = v2('ThreadRealtimeOutputAudioDeltaNotification', t.object({
  threadId: t.describe('Thread the session belongs to.', t.string()),
  audio: t.describe('The audio to play.', t.ref('ThreadRealtimeAudioChunk')),
}), 'A chunk of audio spoken by the realtime model.')

export const ThreadRealtimeSdpNotification = v2('ThreadRealtimeSdpNotification', t.object({
  threadId: t.describe('Thread the session belongs to.', t.string()),
  sdp: t.describe('SDP answer to apply to the client\'s peer connection.', t.string()),
}), 'The remote SDP answer for a realtime session using WebRTC.')

export const ThreadRealtimeErrorNotification = v2('ThreadRealtimeErrorNotification', t.object({
  threadId: t.describe('Thread the session belongs to.', t.string()),
  message: t.describe('What went wrong.', t.string()),
}), 'Sent when the realtime session hits an error.')

export const ThreadRealtimeClosedNotification = v2('ThreadRealtimeClosedNotification', t.object({
  threadId: t.describe('Thread the session belonged to.', t.string()),
  reason: t.option(t.string(), { description: 'Why it closed, when known.' }),
}), 'Sent when the realtime session\'s connection has closed.')

export const CodexResponseHandoffMode = v2('CodexResponseHandoffMode', t.enum(['thinking', 'commentary', 'bemTags']), 'How automatic Codex responses are passed into a realtime v3 session: as thinking, as commentary, or wrapped in channel tags.')

export const ConversationTextRole = v2('ConversationTextRole', t.enum(['user', 'developer', 'assistant']), 'Who a text message in a realtime session is from.')

export const RealtimeConversationVersion = v2('RealtimeConversationVersion', t.enum(['v1', 'v2', 'v3']), 'Version of the realtime conversation protocol.')

export const RealtimeOutputModality = v2('RealtimeOutputModality', t.enum(['text', 'audio']), 'Whether the realtime model answers with text or with audio.')

export const RealtimeVoice = v2('RealtimeVoice', t.enum(['alloy', 'arbor', 'ash', 'aube', 'ballad', 'breeze', 'bubbie', 'cedar', 'coral', 'cove', 'echo', 'ember', 'haetsal', 'hanul', 'himari', 'juniper', 'leher', 'maple', 'marin', 'miko', 'neer', 'porto', 'rindo', 'rio', 'rivage', 'sage', 'selva', 'shimmer', 'sol', 'sonna', 'spruce', 'tinta', 'vale', 'verse', 'viola']), 'A voice the realtime model can speak with; not every voice works with every protocol version.')

export const RealtimeVoicesList = v2('RealtimeVoicesList', t.object({
  v1: t.describe('Voices supported by protocol v1.', t.array(t.ref('RealtimeVoice'))),
  v2: t.describe('Voices supported by protocol v2.', t.array(t.ref('RealtimeVoice'))),
  v3: t.optional(t.describe('Voices supported by protocol v3.', t.array(t.ref('RealtimeVoice'), { default: [] }))),
  defaultV1: t.describe('Default voice for v1.', t.ref('RealtimeVoice')),
  defaultV2: t.describe('Default voice for v2.', t.ref('RealtimeVoice')),
}), 'The voices each realtime protocol version supports, with the defaults.')

export const ThreadRealtimeAudioChunk = v2('ThreadRealtimeAudioChunk', t.object({
  data: t.describe('Audio samples, base64-encoded.', t.string()),
  sampleRate: t.describe('Samples per second, in Hz.', t.uint('uint32')),
  numChannels: t.describe('Number of audio channels.', t.uint('uint16')),
  samplesPerChannel: t.option(t.uint('uint32'), { description: 'Number of samples per channel in this chunk, when known.' }),
  itemId: t.option(t.string(), { description: 'Conversation item the audio belongs to, when known.' }),
}), 'A chunk of audio sent to or received from a realtime session.')

export const ThreadRealtimeInitialItem = v2('ThreadRealtimeInitialItem', t.object({
  role: t.describe('Who the message is from.', t.ref('ConversationTextRole')),
  text: t.describe('The message text.', t.string()),
}), 'A text message to start a realtime v3 session\'s history with.')

export const ThreadRealtimeStartTransport = v2('ThreadRealtimeStartTransport', t.tagged('type', {
  websocket: {},
  webrtc: {
    sdp: t.describe('SDP offer from the client\'s WebRTC peer connection, created after adding audio and the realtime events data channel.', t.string()),
  },
  existingCall: {
    callId: t.describe('Id of a realtime call the client has already created and negotiated.', t.string()),
  },
}), 'How the client connects to the realtime session: through the server over WebSocket, directly with WebRTC, or by reusing a call the client already set up.')
