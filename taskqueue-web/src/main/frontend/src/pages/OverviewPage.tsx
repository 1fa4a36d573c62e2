import { lazy, Suspense, useCallback, useState } from 'react'
import { Notice } from '../components/Notice/Notice'
import { QueueControls } from '../components/QueueControls/QueueControls'
import { RetentionForm } from '../components/RetentionForm/RetentionForm'
import { RetentionSummary } from '../components/RetentionSummary/RetentionSummary'
import type { DepthSample } from '../components/QueueDepthChart/QueueDepthChart'
import { StatCard } from '../components/StatCard/StatCard'
import type { ThroughputSample } from '../components/ThroughputChart/ThroughputChart'
import { useEventListener } from '../hooks/useEvents'
import { useNow } from '../hooks/useNow'
import { usePolling } from '../hooks/usePolling'
import { useSampleHistory } from '../hooks/useSampleHistory'
import { canOperate, isAdmin, useSession } from '../hooks/useSession'
import { useThrottledCallback } from '../hooks/useThrottledCallback'
import { formatDuration, formatNumber, formatPercent } from '../lib/format'
import { JOB_STATUSES, type JobStatus, type QueuesInfo, type Stats } from '../services/types'
import './OverviewPage.css'

// Recharts is most of the bundle; loading it lazily keeps the first paint (and the
// sign-in screen) small.
const QueueDepthChart = lazy(() =>
  import('../components/QueueDepthChart/QueueDepthChart').then((m) => ({
    default: m.QueueDepthChart,
  })),
)
const ThroughputChart = lazy(() =>
  import('../components/ThroughputChart/ThroughputChart').then((m) => ({
    default: m.ThroughputChart,
  })),
)

// Polling is only the fallback; events trigger refreshes sooner.
const POLL_MS = 5000
const EVENT_REFRESH_MS = 1000
// Retention changes at most once a round (a minute by default).
const RETENTION_POLL_MS = 30_000

const toDepth = (q: QueuesInfo): DepthSample => ({
  high: q.waiting?.high ?? 0,
  medium: q.waiting?.medium ?? 0,
  low: q.waiting?.low ?? 0,
})

const toThroughput = (s: Stats): ThroughputSample => ({
  throughput: s.lastMinute?.throughputPerSecond ?? 0,
})

export function OverviewPage() {
  const { api, me } = useSession()
  const queues = usePolling(
    useCallback(() => api.queues(), [api]),
    POLL_MS,
  )
  const stats = usePolling(
    useCallback(() => api.stats(), [api]),
    POLL_MS,
  )
  const retention = usePolling(
    useCallback(() => api.retention(), [api]),
    RETENTION_POLL_MS,
  )
  const [editingRetention, setEditingRetention] = useState(false)
  const now = useNow(10_000)
  const depth = useSampleHistory(queues.data, toDepth)
  const throughput = useSampleHistory(stats.data, toThroughput)

  const refreshBoth = useThrottledCallback(() => {
    queues.refresh()
    stats.refresh()
  }, EVENT_REFRESH_MS)
  useEventListener(refreshBoth)

  const s = stats.data
  const totals: Partial<Record<JobStatus, number>> = s?.totals ?? {}
  const minute = s?.lastMinute
  return (
    <>
      <h1>Overview</h1>
      {(queues.error || stats.error) && <Notice kind="error">{queues.error ?? stats.error}</Notice>}
      <section className="cards" aria-label="Key figures">
        <StatCard
          label="Success rate"
          value={formatPercent(s?.successRate)}
          hint={`last minute ${formatPercent(minute?.successRate)}`}
        />
        <StatCard
          label="Avg processing"
          value={formatDuration(minute?.averageMs ?? s?.lastHour?.averageMs)}
          hint={`p95 ${formatDuration(minute?.p95Ms ?? s?.lastHour?.p95Ms)}`}
        />
        <StatCard
          label="Throughput"
          value={`${formatNumber(minute?.throughputPerSecond, 2)}/s`}
          hint="last minute"
        />
      </section>
      <section className="cards cards--small" aria-label="Jobs by status">
        {JOB_STATUSES.map((status) => (
          <StatCard
            key={status}
            label={status}
            value={formatNumber(totals[status])}
            tone={status === 'dead' && (totals.dead ?? 0) > 0 ? 'bad' : undefined}
          />
        ))}
      </section>
      {queues.data && (
        <QueueControls
          queues={queues.data}
          api={api}
          canOperate={canOperate(me)}
          onChanged={queues.refresh}
        />
      )}
      <div className="charts">
        <Suspense fallback={<p className="charts__loading">Loading charts…</p>}>
          <QueueDepthChart samples={depth} />
          <ThroughputChart samples={throughput} />
        </Suspense>
      </div>
      {retention.data && <RetentionSummary retention={retention.data} now={now} />}
      {retention.data &&
        isAdmin(me) &&
        (editingRetention ? (
          <RetentionForm
            retention={retention.data}
            onSave={async (change) => {
              await api.changeRetention(change)
              setEditingRetention(false)
              retention.refresh()
            }}
            onCancel={() => setEditingRetention(false)}
          />
        ) : (
          <button type="button" onClick={() => setEditingRetention(true)}>
            Change retention
          </button>
        ))}
    </>
  )
}
