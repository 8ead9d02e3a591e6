// The reference server's agent: no model and no network. What it does in a turn depends only on
// the turn's input, so a client's tests can assert every message: it replies `You said: <text>`,
// streamed in deltas (after a command it ran, a report on it), and follows the directives of directives.ts (run commands after approval,
// fail, retry, stream slowly, play a scenario). A turn with an `outputSchema` is answered with JSON that validates
// against the schema; a turn in plan mode is answered with a plan.
import type { UserInput } from '../../../generated/experimental/index.js'
import { DirectiveError, parseDirectives } from './directives.js'
import { instanceOf, SchemaAnswerError } from './schema-answer.js'
import type { ScenarioStep } from '../scenarios/scenario-format.js'

export type AgentStep =
  /** A retryable error (the turn goes on after it). */
  | { kind: 'retry'; attempt: number; of: number }
  /** An assistant message, streamed as these deltas. */
  | { kind: 'message'; deltas: string[] }
  /** A shell command, run in the thread's cwd once the client approves it. */
  | { kind: 'command'; command: string }
  /** The turn fails with this message. */
  | { kind: 'fail'; message: string }
  /** Plays the named scenario (see server/conversations/scenarios/). */
  | { kind: 'scenario'; name: string }
  /** Plays one step of the scenario format. */
  | { kind: 'play'; step: ScenarioStep }

/** What decides a turn besides its input. */
export interface TurnOptions {
  outputSchema: unknown
  /** The turn's collaboration mode: in plan mode the agent answers with a plan. */
  mode?: 'plan' | 'default' | undefined
  /** The scenario the server plays when the prompt names none (`--scenario`). */
  defaultScenario?: string | undefined
}

export interface AgentPlan {
  steps: AgentStep[]
  /** Pause before each delta, in milliseconds. */
  delayMs: number
}

/** Deltas of a reply when neither the prompt nor the reply says otherwise. */
const DEFAULT_DELTAS = 5

export function planTurn(input: readonly UserInput[], { outputSchema, mode, defaultScenario }: TurnOptions): AgentPlan {
  let parsed
  try {
    parsed = parseDirectives(promptText(input))
  } catch (error) {
    if (error instanceof DirectiveError) return { steps: [{ kind: 'fail', message: error.message }], delayMs: 0 }
    throw error
  }
  const { directives, text } = parsed
  const steps: AgentStep[] = []
  for (let attempt = 1; attempt <= directives.retries; attempt++) steps.push({ kind: 'retry', attempt, of: directives.retries + 1 })
  for (const command of directives.run) steps.push({ kind: 'command', command })
  if (directives.fail !== undefined) {
    steps.push({ kind: 'fail', message: directives.fail })
    return { steps, delayMs: directives.delayMs }
  }
  const hasSchema = outputSchema !== undefined && outputSchema !== null
  // A turn that must answer a schema plays no scenario: the TUI's title turn quotes the user's
  // prompt, directive included, and its ephemeral thread may not ask anything of the user.
  const scenario = hasSchema ? undefined : directives.scenario ?? defaultScenario
  if (scenario !== undefined) {
    steps.push({ kind: 'scenario', name: scenario })
    return { steps, delayMs: directives.delayMs }
  }
  let reply: string
  if (hasSchema) {
    try {
      reply = JSON.stringify(instanceOf(outputSchema, text))
    } catch (error) {
      if (!(error instanceof SchemaAnswerError)) throw error
      steps.push({ kind: 'fail', message: `cannot answer the turn's outputSchema: ${error.message}` })
      return { steps, delayMs: directives.delayMs }
    }
  } else if (directives.reply === undefined && text === '' && directives.run.length > 0) {
    // A prompt that only asks for commands is answered by the reports on them.
    return { steps, delayMs: directives.delayMs }
  } else {
    reply = directives.reply ?? `You said: ${text === '' ? '(nothing)' : text}`
  }
  if (mode === 'plan' && !hasSchema) {
    // Plan mode: as codex, the plan is an item of its own, streamed inside the message that proposes it.
    steps.push({ kind: 'play', step: { type: 'message', text: `Here is a plan for: ${text === '' ? '(nothing)' : text}\n`, deltas: directives.deltas ?? DEFAULT_DELTAS, plan: planText(text) } })
    return { steps, delayMs: directives.delayMs }
  }
  steps.push({ kind: 'message', deltas: splitIntoDeltas(reply, directives.deltas ?? DEFAULT_DELTAS) })
  return { steps, delayMs: directives.delayMs }
}

/** The plan the agent proposes in plan mode, in Markdown. */
function planText(prompt: string): string {
  const goal = prompt === '' ? 'the request' : prompt
  return `# Plan\n\n1. Read what is there about ${goal}.\n2. Make the change.\n3. Check the result and report.\n`
}

/** Token counts as the agent reports them: about four characters a token, at least one. */
export function tokensOf(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4))
}

/** The text parts of the input, joined by newlines; other kinds are named in brackets. */
export function promptText(input: readonly UserInput[]): string {
  return input.map((part) => (part.type === 'text' ? part.text : `[${part.type}]`)).join('\n')
}

/** Splits `text` into `count` pieces of nearly equal length (fewer when the text is shorter). */
export function splitIntoDeltas(text: string, count: number): string[] {
  const characters = [...text]
  const pieces = Math.max(1, Math.min(count, characters.length))
  const size = characters.length / pieces
  const deltas: string[] = []
  for (let index = 0; index < pieces; index++) {
    deltas.push(characters.slice(Math.round(index * size), Math.round((index + 1) * size)).join(''))
  }
  return deltas
}
