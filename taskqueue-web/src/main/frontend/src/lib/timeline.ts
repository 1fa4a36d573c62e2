// Builds a job's timeline from its own timestamps plus live events seen for it,
// standing in until the server has an attempts-history endpoint.
import type { TimelineItem } from '../components/Timeline/Timeline'
import type { FeedEvent, Job } from '../services/types'
import { formatDuration } from './format'

const EVENT_TONE: Partial<Record<FeedEvent['type'], TimelineItem['tone']>> = {
  'job.completed': 'ok',
  'job.retrying': 'warn',
  'job.failed': 'bad',
  'job.dead': 'bad',
}

function finishedLabel(job: Job): string {
  if (job.status === 'completed') return 'Completed'
  if (job.status === 'dead') return 'Died'
  if (job.status === 'cancelled') return 'Cancelled'
  return 'Finished'
}

export function jobTimeline(job: Job, events: readonly FeedEvent[]): TimelineItem[] {
  const items: TimelineItem[] = [
    { key: 'created', at: job.createdAt, label: 'Created', detail: job.submittedBy ?? undefined },
  ]
  if (job.scheduledAt) items.push({ key: 'scheduled', at: job.scheduledAt, label: 'Scheduled for' })
  if (job.startedAt) {
    items.push({
      key: 'started',
      at: job.startedAt,
      label: `Started (attempt ${job.attempt})`,
      detail: job.workerId ?? undefined,
    })
  }
  if (job.finishedAt) {
    items.push({
      key: 'finished',
      at: job.finishedAt,
      label: finishedLabel(job),
      tone: job.status === 'completed' ? 'ok' : job.status === 'dead' ? 'bad' : undefined,
    })
  }
  events.forEach((e, i) => {
    const parts = [
      e.attempt !== undefined ? `attempt ${e.attempt}` : '',
      e.workerId ? `on ${e.workerId}` : '',
      e.durationMs !== undefined ? `took ${formatDuration(e.durationMs)}` : '',
      e.error ?? '',
    ].filter(Boolean)
    items.push({
      key: `event-${i}`,
      at: e.timestamp,
      label: `${e.type} (live)`,
      detail: parts.join(' · ') || undefined,
      tone: EVENT_TONE[e.type],
    })
  })
  return items
}
