// Shapes of the taskqueue server's JSON API. Fields the server may omit when it
// has no data yet are optional so the UI is forced to handle their absence.

export type Role = 'viewer' | 'submitter' | 'operator' | 'admin'

export interface Me {
  name: string
  via: string
  roles: Role[]
}

export type JobStatus =
  'waiting' | 'scheduled' | 'queued' | 'running' | 'retrying' | 'completed' | 'dead' | 'cancelled'

export const JOB_STATUSES: readonly JobStatus[] = [
  'waiting',
  'scheduled',
  'queued',
  'running',
  'retrying',
  'completed',
  'dead',
  'cancelled',
]

export type Priority = 'high' | 'medium' | 'low'

export const PRIORITIES: readonly Priority[] = ['high', 'medium', 'low']

export interface WindowStats {
  completed?: number | null
  failed?: number | null
  successRate?: number | null
  throughputPerSecond?: number | null
  averageMs?: number | null
  p95Ms?: number | null
}

export interface Stats {
  totals?: Partial<Record<JobStatus, number>> | null
  successRate?: number | null
  lastMinute?: WindowStats | null
  lastHour?: WindowStats | null
}

export interface QueuesInfo {
  waiting: Record<Priority, number>
  delayed: number
  inFlight: number
  paused: string[]
  statuses: Record<string, number>
}

export interface WorkerThread {
  workerId: string
  status: 'idle' | 'busy'
  currentJob?: string | null
  jobStartedAt?: string | null
  processed: number
  failed: number
  retried: number
  startedAt: string
}

export interface WorkerNode {
  nodeId: string
  status: 'running' | 'stopping'
  startedAt: string
  heartbeatAt: string
  workers: number
  utilisation: number
  threads: WorkerThread[]
}

/** One finished attempt of a job (GET /api/jobs/{id}/attempts). */
export interface Attempt {
  attempt: number
  workerId?: string | null
  startedAt?: string | null
  finishedAt: string
  durationMs?: number | null
  outcome: 'completed' | 'failed' | 'lost' | 'cancelled'
  error?: string | null
}

export interface Job {
  id: string
  type: string
  /** Only on the job itself (GET /api/jobs/{id}); lists leave payload and result out. */
  payload?: unknown
  priority: Priority
  status: JobStatus
  attempt: number
  maxAttempts: number
  createdAt: string
  scheduledAt?: string | null
  startedAt?: string | null
  finishedAt?: string | null
  lastError?: string | null
  /** Set while a queued job waits because no live node runs its type. */
  waitingFor?: string | null
  result?: unknown
  workerId?: string | null
  submittedBy?: string | null
  /** The recurring schedule that submitted the job, and the fire time it is for. */
  schedule?: string | null
  fireTime?: string | null
  /** What the handler last reported; absent until it reports. */
  progress?: { percent: number; message?: string | null; at: string } | null
  logLines?: number
  logsDropped?: number
  /** The workflow the job was submitted in, and its key there. */
  workflowId?: string | null
  workflowKey?: string | null
}

export interface Relative {
  id: string
  key?: string | null
  type: string
  status: JobStatus
}

/** GET /api/jobs/{id}/dependencies */
export interface Dependencies {
  workflowId?: string | null
  parents: Relative[]
  children: Relative[]
}

export interface WorkflowMember {
  id: string
  key?: string | null
  type: string
  status: JobStatus
  parents: string[]
  createdAt: string
  startedAt?: string | null
  finishedAt?: string | null
}

/** GET /api/workflows/{id} */
export interface Workflow {
  id: string
  statuses: Partial<Record<JobStatus, number>>
  jobs: WorkflowMember[]
  /** Asks for the next page of jobs (`?after=`); absent on the last. */
  nextCursor?: string | null
}

export interface LogLine {
  seq: number
  attempt: number
  at: string
  level: 'debug' | 'info' | 'warn' | 'error'
  message: string
}

/** GET /api/jobs/{id}/logs: lines after a number; ask again after `next` to follow. */
export interface LogPage {
  lines: LogLine[]
  next?: number | null
  dropped: number
}

export type OverlapPolicy = 'allow' | 'skip'
export type MisfirePolicy = 'skip' | 'fire-once' | 'fire-all'

/** The job a schedule submits: what POST /api/jobs takes, without runAt or delayMs. */
export interface JobTemplate {
  type: string
  payload?: unknown
  priority?: Priority
  maxAttempts?: number
  timeoutMs?: number | null
}

/** A schedule as POST /api/schedules and PUT /api/schedules/{name} take it. */
export interface ScheduleInput {
  name: string
  cron: string
  timeZone: string
  job: JobTemplate
  overlap: OverlapPolicy
  misfire: MisfirePolicy
  misfireLimit?: number
  paused?: boolean
}

export interface Schedule extends ScheduleInput {
  description: string
  paused: boolean
  nextFireTimes: string[]
  lastFireAt?: string | null
  lastRun?: { jobId: string; fireTime?: string | null; status: JobStatus | 'deleted' } | null
  lastSkipAt?: string | null
  lastSkipReason?: string | null
  createdBy?: string | null
  createdAt: string
  updatedAt: string
  /** The handler class that declares it in code; null for one made here or through the API. */
  declaredBy?: string | null
  /** When a deployment stopped declaring it, which paused it. */
  retiredAt?: string | null
}

export interface SchedulePreview {
  description: string
  nextFireTimes: string[]
  localTimes: string[]
}

/** Keyset page: there is no total and no offset, only a cursor to the next page. */
export interface Page<T> {
  items: T[]
  nextCursor?: string | null
}

export interface JobFilter {
  status?: JobStatus | ''
  type?: string
  priority?: Priority | ''
}

export interface DeadFilter {
  type?: string
  error?: string
}

export interface PageRequest {
  limit?: number
  cursor?: string | null
}

export type EventType =
  | 'job.created'
  | 'job.released'
  | 'job.scheduled'
  | 'job.started'
  | 'job.completed'
  | 'job.failed'
  | 'job.retrying'
  | 'job.dead'
  | 'job.cancelled'
  | 'job.progress'
  | 'job.log'
  | 'queue.paused'
  | 'queue.resumed'
  | 'worker.up'
  | 'worker.down'

export interface FeedEvent {
  type: EventType
  jobId?: string
  jobType?: string
  priority?: Priority
  status?: JobStatus
  attempt?: number
  workerId?: string
  timestamp: string
  durationMs?: number
  waitMs?: number
  error?: string
  progress?: number
  message?: string
}

export interface WsTicket {
  ticket: string
  expiresInSeconds: number
}

/** RFC 9457 problem details, as sent with application/problem+json. */
export interface Problem {
  type?: string
  title?: string
  status?: number
  detail?: string
}

/** The last pruning round on any node (`GET /api/retention`). */
export interface RetentionRun {
  node: string
  startedAt: string
  durationMs: number
  /** Rows removed per kind: completed, dead, cancelled, idempotencyKeys, auditEntries. */
  removed: Record<string, number>
  /** False when it stopped at its time budget with more to remove. */
  complete: boolean
}

/** How long finished jobs and audit entries are kept, in days; 0 keeps them for ever. */
export interface RetentionAges {
  completedDays: number
  deadDays: number
  cancelledDays: number
  auditDays: number
}

/** `PUT /api/retention`: the ages to change; null goes back to the configured age. */
export type RetentionChange = Partial<Record<keyof RetentionAges, number | null>>

export interface RetentionInfo extends RetentionAges {
  /** The ages in the nodes' configuration, which null in a change goes back to. */
  configured?: RetentionAges
  changedBy?: string
  changedAt?: string
  lastRun?: RetentionRun
  nextRunBy?: string
}
