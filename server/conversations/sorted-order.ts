// Threads in one sort order, kept sorted as summaries change, so a list page is a binary search
// plus a short scan instead of a sort of every thread. Ties on the sort value are broken by id,
// which makes every position unique and stable.

export interface OrderItem<T> {
  readonly value: number
  readonly id: string
  readonly item: T
}

/** Negative when (value, id) comes before the item. */
export function comparePosition(value: number, id: string, other: { value: number; id: string }): number {
  if (value !== other.value) return value < other.value ? -1 : 1
  return id < other.id ? -1 : id > other.id ? 1 : 0
}

export class SortedOrder<T> {
  private items: OrderItem<T>[] = []

  get size(): number {
    return this.items.length
  }

  at(index: number): OrderItem<T> | undefined {
    return this.items[index]
  }

  /** Replaces the content in one sort (used at start, cheaper than inserting one by one). */
  reset(items: OrderItem<T>[]): void {
    this.items = items.sort((a, b) => comparePosition(a.value, a.id, b))
  }

  insert(item: OrderItem<T>): void {
    this.items.splice(this.lowerBound(item.value, item.id), 0, item)
  }

  remove(value: number, id: string): void {
    const index = this.lowerBound(value, id)
    const found = this.items[index]
    if (found && found.value === value && found.id === id) this.items.splice(index, 1)
  }

  /** Index of the first item at or after (value, id). */
  lowerBound(value: number, id: string): number {
    let low = 0
    let high = this.items.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (comparePosition(value, id, this.items[middle]!) > 0) low = middle + 1
      else high = middle
    }
    return low
  }

  /** Index of the first item strictly after (value, id). */
  upperBound(value: number, id: string): number {
    let low = 0
    let high = this.items.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (comparePosition(value, id, this.items[middle]!) >= 0) low = middle + 1
      else high = middle
    }
    return low
  }
}
