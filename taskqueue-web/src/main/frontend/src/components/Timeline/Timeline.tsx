import { formatTimestamp, toMillis } from '../../lib/format'
import './Timeline.css'

export interface TimelineItem {
  key: string
  at: string
  label: string
  detail?: string
  tone?: 'ok' | 'warn' | 'bad'
}

/** Sorted oldest first; items with unparsable times sink to the end. */
export function Timeline({ items }: { items: TimelineItem[] }) {
  const sorted = [...items].sort(
    (a, b) => (toMillis(a.at) || Infinity) - (toMillis(b.at) || Infinity),
  )
  if (sorted.length === 0) return <p className="timeline__empty">Nothing recorded yet.</p>
  return (
    <ol className="timeline">
      {sorted.map((item) => (
        <li
          key={item.key}
          className={item.tone ? `timeline__item timeline__item--${item.tone}` : 'timeline__item'}
        >
          <time dateTime={item.at}>{formatTimestamp(item.at)}</time>
          <span className="timeline__label">{item.label}</span>
          {item.detail && <span className="timeline__detail">{item.detail}</span>}
        </li>
      ))}
    </ol>
  )
}
