import { formatDuration, formatNumber, formatRelative } from '../../lib/format'
import type { RetentionInfo } from '../../services/types'
import './RetentionSummary.css'

interface Props {
  retention: RetentionInfo
  now: number
}

const days = (n: number) => (n === 0 ? 'for ever' : n === 1 ? '1 day' : `${formatNumber(n)} days`)

/** How long finished jobs are kept, and what the last pruning round removed. */
export function RetentionSummary({ retention: r, now }: Props) {
  const last = r.lastRun
  const removed = last ? Object.values(last.removed).reduce((sum, n) => sum + n, 0) : 0
  const parts = last
    ? Object.entries(last.removed)
        .filter(([, n]) => n > 0)
        .map(([kind, n]) => `${formatNumber(n)} ${kind}`)
    : []
  return (
    <section className="retention" aria-label="Retention">
      <h2>Retention</h2>
      <p>
        Completed jobs are kept {days(r.completedDays)}, dead ones {days(r.deadDays)}, cancelled
        ones {days(r.cancelledDays)}; audit entries {days(r.auditDays)}.
        {r.changedBy && ` Changed by ${r.changedBy}.`}
      </p>
      <p className="retention__last">
        {last ? (
          <>
            Last pruning {formatRelative(last.startedAt, now)} on {last.node}: removed{' '}
            {formatNumber(removed)}
            {parts.length > 0 && ` (${parts.join(', ')})`} in {formatDuration(last.durationMs)}
            {!last.complete && ', more next round'}.
          </>
        ) : (
          'No pruning round yet.'
        )}
      </p>
    </section>
  )
}
