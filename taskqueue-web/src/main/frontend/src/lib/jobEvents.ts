// Applies live events to jobs already on screen, so tables stay current between polls.
import type { EventType, FeedEvent, Job, JobStatus } from '../services/types'

const STATUS_BY_EVENT: Partial<Record<EventType, JobStatus>> = {
  'job.created': 'queued',
  'job.scheduled': 'scheduled',
  'job.started': 'running',
  'job.completed': 'completed',
  'job.retrying': 'retrying',
  'job.dead': 'dead',
  'job.cancelled': 'cancelled',
  // job.failed is followed by retrying or dead; only its explicit status is trusted.
}

export function statusFromEvent(event: FeedEvent): JobStatus | undefined {
  return event.status ?? STATUS_BY_EVENT[event.type]
}

/** Returns the same array when no visible job is affected, so React can skip a render. */
export function applyEvents(jobs: Job[], batch: readonly FeedEvent[]): Job[] {
  const byId = new Map<string, FeedEvent[]>()
  for (const event of batch) {
    if (!event.jobId || !event.type.startsWith('job.')) continue
    const list = byId.get(event.jobId) ?? []
    list.push(event)
    byId.set(event.jobId, list)
  }
  if (byId.size === 0) return jobs
  let changed = false
  const next = jobs.map((job) => {
    const events = byId.get(job.id)
    if (!events) return job
    let patched = job
    for (const event of events) patched = applyEvent(patched, event)
    if (patched !== job) changed = true
    return patched
  })
  return changed ? next : jobs
}

export function applyEvent(job: Job, event: FeedEvent): Job {
  const status = statusFromEvent(event)
  const patch: Partial<Job> = {}
  if (status && status !== job.status) patch.status = status
  if (event.attempt !== undefined && event.attempt !== job.attempt) patch.attempt = event.attempt
  if (event.workerId && event.workerId !== job.workerId) patch.workerId = event.workerId
  if (event.error && event.error !== job.lastError) patch.lastError = event.error
  return Object.keys(patch).length === 0 ? job : { ...job, ...patch }
}

export function isFinished(status: JobStatus): boolean {
  return status === 'completed' || status === 'dead' || status === 'cancelled'
}

/** Mirrors the server: cancel is refused (409) once a job finished. */
export function canCancel(status: JobStatus): boolean {
  return !isFinished(status)
}

/** Mirrors the server: retry is only accepted for dead or cancelled jobs. */
export function canRetry(status: JobStatus): boolean {
  return status === 'dead' || status === 'cancelled'
}
