import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { EventListener, Subscribe } from '../../hooks/useEventFeed'
import type { FeedEvent } from '../../services/types'
import { FLUSH_MS, LIVE_ROWS, LiveFeed, MAX_ENTRIES } from './LiveFeed'

function fakeFeed() {
  const listeners = new Set<EventListener>()
  const subscribe: Subscribe = (l) => {
    listeners.add(l)
    return () => listeners.delete(l)
  }
  // Events reach the list at the next flush.
  const emit = (batch: FeedEvent[]) =>
    act(() => {
      listeners.forEach((l) => l(batch))
      vi.advanceTimersByTime(FLUSH_MS)
    })
  const push = (batch: FeedEvent[]) => listeners.forEach((l) => l(batch))
  return { subscribe, emit, push }
}

const events = (n: number, from = 0): FeedEvent[] =>
  Array.from({ length: n }, (_, i) => ({
    type: 'job.completed',
    jobId: `job-${from + i}`,
    timestamp: new Date().toISOString(),
  }))

const rows = () => screen.queryAllByRole('listitem')

describe('LiveFeed', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('keeps the newest 500 entries, draws the newest 100 while live and all when paused', () => {
    const feed = fakeFeed()
    render(<LiveFeed subscribe={feed.subscribe} />)
    feed.emit(events(300))
    feed.emit(events(300, 300))
    expect(MAX_ENTRIES).toBe(500)
    expect(rows()).toHaveLength(LIVE_ROWS)
    expect(rows()[0]).toHaveTextContent('job-599')
    expect(rows()[0]).toHaveClass('feed-entry--job-completed')
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }))
    expect(rows()).toHaveLength(MAX_ENTRIES)
    expect(rows()[MAX_ENTRIES - 1]).toHaveTextContent('job-100')
  })

  it('a flood of batches becomes at most one list update per flush', () => {
    const feed = fakeFeed()
    render(<LiveFeed subscribe={feed.subscribe} />)
    act(() => {
      for (let i = 0; i < 10; i++) {
        feed.push(events(10, i * 10))
      }
    })
    expect(rows()).toHaveLength(0)
    act(() => {
      vi.advanceTimersByTime(FLUSH_MS)
    })
    expect(rows()).toHaveLength(LIVE_ROWS)
    expect(rows()[0]).toHaveTextContent('job-99')
  })

  it('pause stops appending and counts what was dropped; resume continues', () => {
    const feed = fakeFeed()
    render(<LiveFeed subscribe={feed.subscribe} />)
    feed.emit(events(2))
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }))
    feed.emit(events(3, 10))
    expect(rows()).toHaveLength(2)
    expect(screen.getByText(/3 dropped while paused/)).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }))
    feed.emit(events(1, 20))
    expect(rows()).toHaveLength(3)
  })

  it('clear empties the list', () => {
    const feed = fakeFeed()
    render(<LiveFeed subscribe={feed.subscribe} />)
    feed.emit(events(4))
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }))
    expect(rows()).toHaveLength(0)
    expect(screen.getByText('No events yet.')).toBeInTheDocument()
  })
})
