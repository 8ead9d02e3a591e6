// The scenario format (version 1): what the offline agent does in a turn, step by step, written as
// JSON by people who test clients. This TypeBox definition is the only description of the format:
// the loader validates files against it and `scenario.schema.json` (for editors) is generated from
// it. Descriptions are written for the people who write scenario files.
import { Type, type Static, type TSchema } from 'typebox'
import type { CodexErrorInfo } from '../../../generated/experimental/index.js'

export const SCENARIO_VERSION = 1

/** The codexErrorInfo values a failed turn may carry that need no further details. */
const FAILURE_CODES = [
  'contextWindowExceeded', 'sessionBudgetExceeded', 'usageLimitExceeded', 'rateLimitExceeded', 'flexUnavailable', 'serverOverloaded',
  'modelNotFound', 'policyCapacityUnavailable', 'cyberPolicy', 'misalignmentPolicyViolation', 'tooManyDenials', 'internalServerError',
  'unauthorized', 'badRequest', 'threadRollbackFailed', 'sandboxError', 'other', 'inferenceHookDenied',
] as const satisfies readonly Extract<CodexErrorInfo, string>[]

const text = (description: string) => Type.String({ description })
const count = (description: string, max: number) => Type.Integer({ minimum: 1, maximum: max, description })
const optional = <T extends TSchema>(schema: T) => Type.Optional(schema)
const strings = (description: string) => Type.Array(Type.String(), { description })

const Approval = Type.Enum(['ask', 'none', 'legacy'], {
  description: '`ask` (default): the v2 approval request; `none`: go ahead without asking; `legacy`: the v1 request (execCommandApproval / applyPatchApproval) that codex sends to threads of its old API',
})
const Reply = Type.String({
  description: 'A message the agent writes once the client answered; `{{answer}}` is replaced by the answer as JSON',
})
const Deltas = count('How many deltas the text is streamed in', 10_000)
const DelayMs = Type.Integer({ minimum: 0, maximum: 10_000, description: 'Pause before each delta, in milliseconds' })

/** One `type` tag and its fields; no other member is allowed, so typos are caught. */
function step<const Tag extends string, const Fields extends Record<string, TSchema>>(tag: Tag, description: string, fields: Fields) {
  return Type.Object({ type: Type.Literal(tag), ...fields }, { additionalProperties: false, description })
}

export const STEP_SCHEMAS = {
  message: step('message', 'The agent writes a message, streamed in deltas', {
    text: text('What the agent says'),
    deltas: optional(Deltas), delayMs: optional(DelayMs),
    phase: optional(Type.Enum(['commentary', 'final_answer'], { description: 'Marks the message as commentary or as the final answer' })),
    plan: optional(text('A plan the message proposes, as in plan mode: a plan item streamed after the text, completed before the message')),
  }),
  reasoning: step('reasoning', 'A reasoning item: summary parts and raw reasoning text, each streamed', {
    summary: optional(strings('Summary parts, in order')),
    content: optional(strings('Raw reasoning parts, in order')),
    deltas: optional(Deltas),
  }),
  plan: step('plan', 'A plan: the checklist (`turn/plan/updated`) and/or a plan item streamed with `item/plan/delta`', {
    explanation: optional(text('Why the plan is what it is')),
    steps: optional(Type.Array(Type.Object({
      step: text('What to do'),
      status: Type.Enum(['pending', 'inProgress', 'completed']),
    }, { additionalProperties: false }), { description: 'The checklist sent with turn/plan/updated' })),
    text: optional(text('The plan item, in Markdown')),
    deltas: optional(Deltas),
  }),
  command: step('command', 'The agent runs a shell command in the thread\'s cwd', {
    command: text('The command, run with `bash -lc`'),
    approval: optional(Approval),
    output: optional(text('Canned output: when given, the command is not run and this is its output')),
    exitCode: optional(Type.Integer({ description: 'Exit code of the canned output (default 0)' })),
  }),
  fileChange: step('fileChange', 'The agent edits files in the thread\'s cwd, as apply_patch does', {
    changes: Type.Array(Type.Object({
      path: text('File path, relative to the thread\'s cwd or absolute'),
      kind: Type.Enum(['add', 'update', 'delete']),
      content: optional(text('The whole new content (add and update)')),
      movePath: optional(text('For update: where the file moves to')),
    }, { additionalProperties: false }), { minItems: 1, description: 'The changes, applied in order' }),
    approval: optional(Approval),
    reason: optional(text('Why approval is needed, shown to the user')),
  }),
  permissions: step('permissions', 'The agent asks for extra permissions (`item/permissions/requestApproval`)', {
    reason: optional(text('Why the agent asks')),
    network: optional(Type.Boolean({ description: 'Ask for network access' })),
    read: optional(strings('Folders to read')),
    write: optional(strings('Folders to write')),
    reply: optional(Reply),
  }),
  userInput: step('userInput', 'The agent asks the user questions (`item/tool/requestUserInput`)', {
    questions: Type.Array(Type.Object({
      id: text('Key of the answer'),
      header: text('Short title'),
      question: text('The question'),
      options: optional(Type.Array(Type.Object({ label: Type.String(), description: Type.String() }, { additionalProperties: false }))),
      isOther: optional(Type.Boolean()),
      isSecret: optional(Type.Boolean()),
    }, { additionalProperties: false }), { minItems: 1 }),
    reply: optional(Reply),
  }),
  dynamicTool: step('dynamicTool', 'The agent calls a tool the client gave to thread/start (`dynamicTools`) with `item/tool/call`', {
    tool: optional(text('The tool; default: the first tool the thread was started with')),
    namespace: optional(text('Namespace of the tool')),
    arguments: optional(Type.Unknown({ description: 'Arguments, any JSON (default {})' })),
    reply: optional(Reply),
  }),
  mcpTool: step('mcpTool', 'The agent calls a tool of an MCP server', {
    server: text('MCP server name'),
    tool: text('Tool name'),
    arguments: optional(Type.Unknown({ description: 'Arguments, any JSON (default {})' })),
    progress: optional(strings('Progress messages (`item/mcpToolCall/progress`)')),
    elicitation: optional(Type.Object({
      message: text('What the server asks the user'),
      requestedSchema: optional(Type.Unknown({ description: 'A form (MCP elicitation schema); default: one string field `value`' })),
      url: optional(text('Ask the user to open this URL instead of filling a form')),
    }, { additionalProperties: false, description: 'The server asks the user for input first (`mcpServer/elicitation/request`)' })),
    result: optional(Type.Array(Type.Unknown(), { description: 'Content the tool returns (MCP content blocks); default: one text block' })),
    error: optional(text('The call fails with this message')),
  }),
  webSearch: step('webSearch', 'A web search item', { query: text('The query') }),
  imageView: step('imageView', 'The agent looks at a local image', { path: text('Image path') }),
  imageGeneration: step('imageGeneration', 'The agent generates an image', {
    revisedPrompt: optional(text('The prompt as the image model rewrote it')),
    result: optional(text('The image, base64 (default: a 1×1 PNG)')),
  }),
  compaction: step('compaction', 'The history is compacted (a contextCompaction item)', {}),
  subAgent: step('subAgent', 'The agent spawns a sub-agent (a collabAgentToolCall item and subAgentActivity items)', {
    prompt: text('What the sub-agent is asked'),
    model: optional(text('Model of the sub-agent')),
    message: optional(text('What the sub-agent reports back')),
  }),
  sleep: step('sleep', 'The agent waits (a sleep item)', { ms: Type.Integer({ minimum: 0, maximum: 60_000, description: 'Milliseconds' }) }),
  hookPrompt: step('hookPrompt', 'A hook adds a prompt to the conversation', { text: text('The prompt') }),
  functionCallOutput: step('functionCallOutput', 'Output of a tool call that has no item of its own', {
    name: text('The tool'), output: text('Its output'),
  }),
  review: step('review', 'The agent enters review mode, then leaves it with its findings', {
    review: text('What is reviewed'), result: text('The review\'s findings'),
  }),
  retry: step('retry', 'The model stream breaks and is retried (`error` with willRetry)', { count: optional(count('How many retries', 5)) }),
  fail: step('fail', 'The turn fails with this error', {
    message: text('The error message'),
    code: optional(Type.Enum(FAILURE_CODES, { description: 'The error\'s codexErrorInfo (default `other`)' })),
  }),
  usage: step('usage', 'Token usage of a model response (`thread/tokenUsage/updated`)', {
    inputTokens: Type.Integer({ minimum: 0 }), outputTokens: Type.Integer({ minimum: 0 }),
    cachedInputTokens: optional(Type.Integer({ minimum: 0 })), reasoningOutputTokens: optional(Type.Integer({ minimum: 0 })),
  }),
  reroute: step('reroute', 'The model is rerouted (`model/rerouted`)', { toModel: text('The model used instead') }),
  rateLimits: step('rateLimits', 'Rate limits as the account reports them (`account/rateLimits/updated`)', {
    usedPercent: Type.Number({ minimum: 0, maximum: 100, description: 'Primary window use' }),
    windowMinutes: optional(Type.Integer({ minimum: 1 })),
    secondaryUsedPercent: optional(Type.Number({ minimum: 0, maximum: 100 })),
  }),
  refreshAuth: step('refreshAuth', 'The model rejects the ChatGPT token: `account/chatgptAuthTokens/refresh` asks the client for new ones', {}),
  attestation: step('attestation', 'A model request needs an attestation header: `attestation/generate`', {}),
  readClock: step('readClock', 'The agent asks the client for the time: `currentTime/read` (experimental clients only)', {}),
}

export type StepType = keyof typeof STEP_SCHEMAS
export const STEP_TYPES = Object.keys(STEP_SCHEMAS) as StepType[]

export const ScenarioStep = Type.Union(Object.values(STEP_SCHEMAS), { description: 'One thing the agent does' })

export const Scenario = Type.Object({
  $schema: optional(Type.String({ description: 'Where editors find this schema' })),
  version: Type.Literal(SCENARIO_VERSION, { description: 'Version of the scenario format' }),
  description: optional(text('What the scenario shows')),
  steps: Type.Array(ScenarioStep, { minItems: 1, description: 'What the agent does, in order' }),
}, { additionalProperties: false, title: 'Reference app-server scenario', description: 'What the offline agent of the reference app-server does in a turn' })

// Spelled out per step: a union built from Object.values has no tuple type to infer from.
export type ScenarioStep = { [T in StepType]: Static<(typeof STEP_SCHEMAS)[T]> }[StepType]
export type Scenario = Omit<Static<typeof Scenario>, 'steps'> & { steps: ScenarioStep[] }
export type StepOf<T extends StepType> = Extract<ScenarioStep, { type: T }>
