// Buffers items and hands them over in batches, at most one batch per interval.
// A busy queue can emit 1,000 events/s; rendering each one would freeze the tab,
// so subscribers see at most 10 batches/s with every event, in arrival order.

export const FLUSH_INTERVAL_MS = 100

export class EventBatcher<T> {
  private buffer: T[] = []
  private timer: ReturnType<typeof setTimeout> | null = null
  private readonly onFlush: (batch: T[]) => void
  private readonly intervalMs: number

  constructor(onFlush: (batch: T[]) => void, intervalMs: number = FLUSH_INTERVAL_MS) {
    this.onFlush = onFlush
    this.intervalMs = intervalMs
  }

  push(item: T): void {
    this.buffer.push(item)
    // The first item of a batch starts the clock; later ones just ride along.
    if (this.timer === null) {
      this.timer = setTimeout(() => this.flush(), this.intervalMs)
    }
  }

  /** Delivers whatever is buffered now (also called by the timer). */
  flush(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer)
      this.timer = null
    }
    if (this.buffer.length === 0) return
    const batch = this.buffer
    this.buffer = []
    this.onFlush(batch)
  }

  get pending(): number {
    return this.buffer.length
  }

  /** Drops buffered items and the timer, e.g. on unmount. */
  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    this.buffer = []
  }
}
