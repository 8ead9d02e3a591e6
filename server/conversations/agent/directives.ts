// Directives a prompt may carry to steer the offline agent, written `[[name: argument]]` anywhere
// in the text. Anything else in the prompt is ordinary input. Documented in server/README.md.

export interface Directives {
  /** Shell commands to run, in order, each after an approval request. */
  run: string[]
  /** Fail the turn with this message (after any retries). */
  fail: string | undefined
  /** Report this many retryable errors before going on. */
  retries: number
  /** Milliseconds between streamed deltas. */
  delayMs: number
  /** Number of deltas the reply is split into. */
  deltas: number | undefined
  /** Replace the reply text. */
  reply: string | undefined
  /** Play this scenario (a file in the home's scenarios folder, or a built-in) instead of replying. */
  scenario: string | undefined
}

const DIRECTIVE = /\[\[\s*([a-z]+)\s*(?::\s*([\s\S]*?))?\s*\]\]/g
/** Upper bounds that keep one prompt from tying the server up. */
const MAX_DELAY_MS = 10_000
const MAX_DELTAS = 10_000
const MAX_RETRIES = 10

export class DirectiveError extends Error {}

/** Reads the directives of a prompt and returns them with the prompt's remaining text. */
export function parseDirectives(text: string): { directives: Directives; text: string } {
  const directives: Directives = { run: [], fail: undefined, retries: 0, delayMs: 0, deltas: undefined, reply: undefined, scenario: undefined }
  const rest = text.replace(DIRECTIVE, (_whole, name: string, argument: string | undefined) => {
    const value = argument ?? ''
    switch (name) {
      case 'run':
        if (value === '') throw new DirectiveError('[[run: COMMAND]] needs a command')
        directives.run.push(value)
        break
      case 'fail':
        directives.fail = value === '' ? 'the reference agent was asked to fail this turn' : value
        break
      case 'retry':
        directives.retries = integer(name, value === '' ? '1' : value, 1, MAX_RETRIES)
        break
      case 'slow':
        directives.delayMs = integer(name, value === '' ? '200' : value, 0, MAX_DELAY_MS)
        break
      case 'deltas':
        directives.deltas = integer(name, value, 1, MAX_DELTAS)
        break
      case 'reply':
        directives.reply = value
        break
      case 'scenario':
        if (value === '') throw new DirectiveError('[[scenario: NAME]] needs a scenario name')
        directives.scenario = value
        break
      default:
        throw new DirectiveError(`unknown directive [[${name}]]; known: run, fail, retry, slow, deltas, reply, scenario`)
    }
    return ''
  })
  return { directives, text: rest.trim() }
}

function integer(name: string, value: string, min: number, max: number): number {
  const number = Number(value)
  if (!/^\d+$/.test(value) || number < min || number > max) {
    throw new DirectiveError(`[[${name}: N]] needs a whole number from ${min} to ${max}, not ${JSON.stringify(value)}`)
  }
  return number
}
