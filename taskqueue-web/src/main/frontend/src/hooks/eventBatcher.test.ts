import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { EventBatcher } from './eventBatcher'

describe('EventBatcher', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('coalesces 1,000 pushes in 1 s into at most 10 flushes, in order, losing nothing', () => {
    const batches: number[][] = []
    const batcher = new EventBatcher<number>((batch) => batches.push(batch))
    for (let i = 0; i < 1000; i++) {
      batcher.push(i)
      vi.advanceTimersByTime(1)
    }
    vi.advanceTimersByTime(100)
    expect(batches.length).toBeLessThanOrEqual(10)
    expect(batches.flat()).toEqual(Array.from({ length: 1000 }, (_, i) => i))
  })

  it('also holds for bursts: 1,000 pushes at once give one flush', () => {
    const onFlush = vi.fn()
    const batcher = new EventBatcher<number>(onFlush)
    for (let i = 0; i < 1000; i++) batcher.push(i)
    expect(onFlush).not.toHaveBeenCalled()
    vi.advanceTimersByTime(100)
    expect(onFlush).toHaveBeenCalledTimes(1)
    expect(onFlush.mock.calls[0][0]).toHaveLength(1000)
  })

  it('waits one interval after the first item of a batch', () => {
    const onFlush = vi.fn()
    const batcher = new EventBatcher<string>(onFlush, 100)
    batcher.push('a')
    vi.advanceTimersByTime(99)
    expect(onFlush).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(onFlush).toHaveBeenCalledWith(['a'])
  })

  it('does not flush when empty and flushes immediately on demand', () => {
    const onFlush = vi.fn()
    const batcher = new EventBatcher<string>(onFlush)
    vi.advanceTimersByTime(1000)
    expect(onFlush).not.toHaveBeenCalled()
    batcher.push('x')
    batcher.flush()
    expect(onFlush).toHaveBeenCalledWith(['x'])
    vi.advanceTimersByTime(1000)
    expect(onFlush).toHaveBeenCalledTimes(1)
  })

  it('dispose drops pending items', () => {
    const onFlush = vi.fn()
    const batcher = new EventBatcher<string>(onFlush)
    batcher.push('x')
    batcher.dispose()
    vi.advanceTimersByTime(1000)
    expect(onFlush).not.toHaveBeenCalled()
    expect(batcher.pending).toBe(0)
  })
})
