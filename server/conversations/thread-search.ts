// Finding text in a thread's visible messages (the user's prompts and the agent's answers), as
// thread/search and thread/searchOccurrences do: case-insensitive literal matches, each shown as a
// snippet of its message with the match's range in it. Observed on codex 0.169.0:
// test/server/fixtures/codex-0.169.0/conversations/j-thread-misc.jsonl.
import type { ThreadSearchOccurrence, Turn } from '../../generated/experimental/index.js'
import { conversationErrors } from './conversation-errors.js'
import { turnCursorAt } from './thread-history.js'

/** A message of the thread, numbered from 1 in the order the thread shows them. */
interface Message {
  ordinal: number
  turnId: string
  turnPosition: number
  itemId: string
  text: string
}

/** Characters kept on each side of a match when the message is too long to show whole. */
const SNIPPET_CONTEXT = 80
/** Messages up to this length are shown whole. */
const WHOLE_MESSAGE = 2 * SNIPPET_CONTEXT

/** Occurrences per page when the client names no limit. */
const DEFAULT_OCCURRENCE_LIMIT = 50

interface OccurrenceCursor {
  threadId: string
  searchTerm: string
  nextRolloutOrdinal: number
  nextOccurrenceIndex: number
}

/** The user and agent messages of `turns`, in order. */
export function visibleMessages(turns: readonly Turn[]): Message[] {
  const messages: Message[] = []
  turns.forEach((turn, index) => {
    for (const item of turn.items) {
      let text: string | undefined
      if (item.type === 'userMessage') text = item.content.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('\n')
      else if (item.type === 'agentMessage') text = item.text
      if (text !== undefined) messages.push({ ordinal: messages.length + 1, turnId: turn.id, turnPosition: index + 1, itemId: item.id, text })
    }
  })
  return messages
}

/** Start offsets (UTF-16) of every case-insensitive match of `term` in `text`. */
export function matchesIn(text: string, term: string): number[] {
  const pattern = new RegExp(term.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'), 'giu')
  return [...text.matchAll(pattern)].map((match) => match.index)
}

/** The text around a match and where the match is in it. */
export function snippetAround(text: string, start: number, length: number): { snippet: string; range: { start: number; end: number } } {
  if (text.length <= WHOLE_MESSAGE) return { snippet: text, range: { start, end: start + length } }
  const from = Math.max(0, start - SNIPPET_CONTEXT)
  const to = Math.min(text.length, start + length + SNIPPET_CONTEXT)
  return { snippet: text.slice(from, to), range: { start: start - from, end: start - from + length } }
}

/** The first message of `turns` that contains `term`, as a search result's snippet. */
export function firstMatchSnippet(turns: readonly Turn[], term: string): string | undefined {
  for (const message of visibleMessages(turns)) {
    const [start] = matchesIn(message.text, term)
    if (start !== undefined) return snippetAround(message.text, start, term.length).snippet
  }
  return undefined
}

/** One page of the places `term` occurs in the thread's messages. */
export function occurrencesPage(threadId: string, turns: readonly Turn[], term: string, cursorText: string | null, limit: number | null): { data: ThreadSearchOccurrence[]; nextCursor: string | null } {
  const from = cursorText === null ? { nextRolloutOrdinal: 0, nextOccurrenceIndex: 0 } : decodeCursor(cursorText, threadId, term)
  const size = Math.max(1, limit ?? DEFAULT_OCCURRENCE_LIMIT)
  const data: ThreadSearchOccurrence[] = []
  for (const message of visibleMessages(turns)) {
    if (message.ordinal < from.nextRolloutOrdinal) continue
    const starts = matchesIn(message.text, term)
    for (let index = message.ordinal === from.nextRolloutOrdinal ? from.nextOccurrenceIndex : 0; index < starts.length; index++) {
      if (data.length === size) {
        const next: OccurrenceCursor = { threadId, searchTerm: term, nextRolloutOrdinal: message.ordinal, nextOccurrenceIndex: index }
        return { data, nextCursor: JSON.stringify(next) }
      }
      const { snippet, range } = snippetAround(message.text, starts[index]!, term.length)
      data.push({
        turnId: message.turnId, itemId: message.itemId, snippet, snippetMatchRange: range,
        turnCursor: turnCursorAt(threadId, message.turnPosition),
      })
    }
  }
  return { data, nextCursor: null }
}

function decodeCursor(text: string, threadId: string, term: string): OccurrenceCursor {
  let value: Partial<OccurrenceCursor> | undefined
  try {
    value = JSON.parse(text) as Partial<OccurrenceCursor>
  } catch {
    throw conversationErrors.invalidCursor(text)
  }
  const valid = typeof value === 'object' && value !== null && value.threadId === threadId && value.searchTerm === term &&
    Number.isInteger(value.nextRolloutOrdinal) && Number.isInteger(value.nextOccurrenceIndex)
  if (!valid) throw conversationErrors.invalidCursor(text)
  return value as OccurrenceCursor
}
