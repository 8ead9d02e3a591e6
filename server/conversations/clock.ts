// Ids and times as codex writes them: UUIDv7 ids (time-ordered), Unix epoch seconds.
import { v7 } from 'uuid'

export function newId(): string {
  return v7()
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000)
}
