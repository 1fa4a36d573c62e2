import { act, fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { EventListener, Subscribe } from '../../hooks/useEventFeed'
import type { FeedEvent } from '../../services/types'
import { LiveFeed, MAX_ENTRIES } from './LiveFeed'

function fakeFeed() {
  const listeners = new Set<EventListener>()
  const subscribe: Subscribe = (l) => {
    listeners.add(l)
    return () => listeners.delete(l)
  }
  const emit = (batch: FeedEvent[]) => act(() => listeners.forEach((l) => l(batch)))
  return { subscribe, emit }
}

const events = (n: number, from = 0): FeedEvent[] =>
  Array.from({ length: n }, (_, i) => ({
    type: 'job.completed',
    jobId: `job-${from + i}`,
    timestamp: new Date().toISOString(),
  }))

const rows = () => screen.queryAllByRole('listitem')

describe('LiveFeed', () => {
  it('shows newest first and caps at 500 entries', () => {
    const feed = fakeFeed()
    render(<LiveFeed subscribe={feed.subscribe} />)
    feed.emit(events(300))
    feed.emit(events(300, 300))
    expect(rows()).toHaveLength(MAX_ENTRIES)
    expect(MAX_ENTRIES).toBe(500)
    expect(rows()[0]).toHaveTextContent('job-599')
    expect(rows()[MAX_ENTRIES - 1]).toHaveTextContent('job-100')
    expect(rows()[0]).toHaveClass('feed-entry--job-completed')
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
