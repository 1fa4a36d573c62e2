import { memo, useEffect, useRef, useState } from 'react'
import type { Subscribe } from '../../hooks/useEventFeed'
import { jobHref } from '../../hooks/useHashRoute'
import { useNow } from '../../hooks/useNow'
import { formatDuration, formatRelative } from '../../lib/format'
import type { FeedEvent } from '../../services/types'
import './LiveFeed.css'

/** Older entries fall off; the feed is a glance at "now", not an audit log. */
export const MAX_ENTRIES = 500
/**
 * While live only the newest rows are drawn, and new events join them at most four times a
 * second: nobody reads a thousand events a second, and a flood measured at 1,000/s cost this page
 * a second of blocked main thread per 15 s when it drew every event at once. Pausing shows all
 * kept entries for browsing.
 */
export const LIVE_ROWS = 100
export const FLUSH_MS = 250

interface Entry {
  seq: number
  event: FeedEvent
}

export function LiveFeed({ subscribe }: { subscribe: Subscribe }) {
  const [entries, setEntries] = useState<Entry[]>([])
  const [paused, setPaused] = useState(false)
  const [dropped, setDropped] = useState(0)
  // Read inside the subscription callback, which must not resubscribe on toggle.
  const pausedRef = useRef(false)
  const seq = useRef(0)
  const pending = useRef<Entry[]>([])
  const now = useNow(10_000)

  useEffect(
    () =>
      subscribe((batch) => {
        if (pausedRef.current) {
          setDropped((d) => d + batch.length)
          return
        }
        for (const event of batch) pending.current.push({ seq: ++seq.current, event })
        if (pending.current.length > MAX_ENTRIES)
          pending.current.splice(0, pending.current.length - MAX_ENTRIES)
      }),
    [subscribe],
  )

  useEffect(() => {
    const timer = setInterval(() => {
      if (pending.current.length === 0) return
      // Newest first; everything that arrived since the last flush is one state update.
      const fresh = pending.current.reverse()
      pending.current = []
      setEntries((prev) => [...fresh, ...prev].slice(0, MAX_ENTRIES))
    }, FLUSH_MS)
    return () => clearInterval(timer)
  }, [])

  const togglePause = () => {
    pausedRef.current = !pausedRef.current
    setPaused(pausedRef.current)
  }

  const clear = () => {
    pending.current = []
    setEntries([])
    setDropped(0)
  }

  return (
    <section className="feed" aria-label="Live events">
      <div className="feed__toolbar">
        <button type="button" className="button" aria-pressed={paused} onClick={togglePause}>
          {paused ? 'Resume' : 'Pause'}
        </button>
        <button type="button" className="button" onClick={clear}>
          Clear
        </button>
        <span className="feed__counts">
          {entries.length} kept
          {!paused && entries.length > LIVE_ROWS && `, newest ${LIVE_ROWS} shown`}
          {dropped > 0 && `, ${dropped} dropped while paused`}
        </span>
      </div>
      {entries.length === 0 ? (
        <p className="feed__empty">No events yet.</p>
      ) : (
        <ol className="feed__list">
          {(paused ? entries : entries.slice(0, LIVE_ROWS)).map(({ seq: key, event }) => (
            <FeedRow key={key} event={event} now={now} />
          ))}
        </ol>
      )}
    </section>
  )
}

// Memoised: a batch of new events renders only the new rows, not the 500 already shown
// (which change only when the clock ticks, every 10 s).
const FeedRow = memo(function FeedRow({ event, now }: { event: FeedEvent; now: number }) {
  return (
    <li className={`feed-entry feed-entry--${event.type.replace('.', '-')}`}>
      <span className="feed-entry__type">{event.type}</span>
      <span className="feed-entry__what">
        {event.jobId && (
          <a className="mono" href={jobHref(event.jobId)}>
            {event.jobId}
          </a>
        )}
        {event.jobType && <span> {event.jobType}</span>}
        {event.priority && <span className="feed-entry__meta"> {event.priority}</span>}
        {event.attempt !== undefined && (
          <span className="feed-entry__meta"> attempt {event.attempt}</span>
        )}
        {event.workerId && <span className="feed-entry__meta"> on {event.workerId}</span>}
        {event.durationMs !== undefined && (
          <span className="feed-entry__meta"> took {formatDuration(event.durationMs)}</span>
        )}
        {event.error && <span className="feed-entry__error"> {event.error}</span>}
      </span>
      <time className="feed-entry__time" dateTime={event.timestamp} title={event.timestamp}>
        {formatRelative(event.timestamp, now)}
      </time>
    </li>
  )
})
