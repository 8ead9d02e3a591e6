// A small seeded random source for the robustness tests, so a failing run can be replayed exactly
// from its seed (Math.random cannot be seeded). mulberry32: tiny, fast, good enough for test input.

export class SeededRandom {
  private state: number

  constructor(readonly seed: number) {
    this.state = seed >>> 0
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  pick<T>(choices: readonly T[]): T {
    return choices[Math.floor(this.next() * choices.length)]!
  }
}

/** The seed of a test run: REFERENCE_TEST_SEED when set (to replay a failure), else `fallback`. */
export function testSeed(fallback: number): number {
  const fromEnv = process.env.REFERENCE_TEST_SEED
  return fromEnv !== undefined && /^\d+$/.test(fromEnv) ? Number(fromEnv) : fallback
}
