// The only module that talks HTTP. Everything else receives an Api bound to the
// signed-in secret, so the secret lives in React state and nowhere else.
import type {
  Attempt,
  DeadFilter,
  Dependencies,
  Job,
  JobFilter,
  LogPage,
  Me,
  Page,
  PageRequest,
  Priority,
  Problem,
  QueuesInfo,
  RetentionChange,
  RetentionInfo,
  Schedule,
  ScheduleInput,
  SchedulePreview,
  Stats,
  WorkerNode,
  Workflow,
  WsTicket,
} from './types'

export class ApiError extends Error {
  readonly status: number
  readonly problem: Problem | null

  constructor(status: number, message: string, problem: Problem | null = null) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
  }
}

export const MAX_LIMIT = 200
export const DEFAULT_LIMIT = 50

/** The server rejects limits outside 1..200; we never ask for unbounded lists. */
export function clampLimit(limit: number | undefined): number {
  const n = Number.isFinite(limit) ? Math.floor(limit as number) : DEFAULT_LIMIT
  return Math.min(MAX_LIMIT, Math.max(1, n))
}

type Query = Record<string, string | number | null | undefined>

export function withQuery(path: string, query?: Query): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  }
  const qs = params.toString()
  return qs ? `${path}?${qs}` : path
}

async function toError(res: Response): Promise<ApiError> {
  let problem: Problem | null = null
  try {
    problem = (await res.json()) as Problem
  } catch {
    // Body was not JSON (e.g. a proxy error page); the status line is all we have.
  }
  const message = problem?.detail || problem?.title || res.statusText || `HTTP ${res.status}`
  return new ApiError(res.status, message, problem)
}

/**
 * The application's root path without a trailing slash: the context root of the WAR that holds
 * taskqueue ('' at the server's root, '/orders' in a WAR deployed there), as the server wrote it
 * into the page; without it, the directory the page was loaded from. The API and the event feed
 * are below it.
 */
export function appRoot(pathname: string = location.pathname, page: Document = document): string {
  // The server names the application's root in the page: the console may be served under a
  // sub-path of it (taskqueue.console.path), where the page's own location does not tell.
  const served = page.querySelector('meta[name="taskqueue-root"]')?.getAttribute('content')
  if (served != null && served !== ROOT_PLACEHOLDER) return served
  return pathname.replace(/\/[^/]*$/, '')
}

/** What the page carries when no server filled the root in (Vite's dev server). */
const ROOT_PLACEHOLDER = '__TASKQUEUE_ROOT__'

async function request<T>(secret: string, method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${secret}`,
    Accept: 'application/json, application/problem+json',
  }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const res = await fetch(appRoot() + url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!res.ok) throw await toError(res)
  if (res.status === 204) return undefined as T
  return (await res.json()) as T
}

export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return `${e.status}: ${e.message}`
  if (e instanceof Error) return e.message
  return String(e)
}

/**
 * Binds every endpoint to one secret. onUnauthorized lets the app drop a key that
 * the server stopped accepting (revoked, expired JWT) instead of failing forever.
 */
export function createApi(secret: string, onUnauthorized?: () => void) {
  async function call<T>(method: string, path: string, query?: Query, body?: unknown): Promise<T> {
    try {
      return await request<T>(secret, method, withQuery(path, query), body)
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) onUnauthorized?.()
      throw e
    }
  }
  const enc = encodeURIComponent

  return {
    me: () => call<Me>('GET', '/api/me'),
    stats: () => call<Stats>('GET', '/api/stats'),
    queues: () => call<QueuesInfo>('GET', '/api/queues'),
    retention: () => call<RetentionInfo>('GET', '/api/retention'),
    changeRetention: (change: RetentionChange) =>
      call<RetentionInfo>('PUT', '/api/retention', undefined, change),
    workers: async () => (await call<{ nodes: WorkerNode[] }>('GET', '/api/workers')).nodes,
    jobs: (filter: JobFilter, page: PageRequest = {}) =>
      call<Page<Job>>('GET', '/api/jobs', {
        status: filter.status,
        type: filter.type,
        priority: filter.priority,
        limit: clampLimit(page.limit),
        cursor: page.cursor,
      }),
    job: (id: string) => call<Job>('GET', `/api/jobs/${enc(id)}`),
    attempts: (id: string) => call<Attempt[]>('GET', `/api/jobs/${enc(id)}/attempts`),
    jobDependencies: (id: string) => call<Dependencies>('GET', `/api/jobs/${enc(id)}/dependencies`),
    /** The whole workflow: its pages of at most 1,000 jobs, fetched one after another. */
    workflow: async (id: string) => {
      const first = await call<Workflow>('GET', `/api/workflows/${enc(id)}`)
      const jobs = [...first.jobs]
      let next = first.nextCursor
      // A workflow holds at most 10,000 jobs (ten pages); stop well past that whatever happens.
      for (let pages = 1; next && pages < 20; pages++) {
        const page = await call<Workflow>('GET', `/api/workflows/${enc(id)}`, { after: next })
        jobs.push(...page.jobs)
        next = page.nextCursor
      }
      return { ...first, jobs, nextCursor: null }
    },
    cancelWorkflow: (id: string) =>
      call<{ cancelled: number }>('POST', `/api/workflows/${enc(id)}/cancel`),
    jobLogs: (id: string, after: number) =>
      call<LogPage>('GET', `/api/jobs/${enc(id)}/logs`, { after, limit: 1000 }),
    cancelJob: (id: string) => call<Job>('POST', `/api/jobs/${enc(id)}/cancel`),
    retryJob: (id: string) => call<Job>('POST', `/api/jobs/${enc(id)}/retry`),
    dead: (filter: DeadFilter, page: PageRequest = {}) =>
      call<Page<Job>>('GET', '/api/dead', {
        type: filter.type,
        error: filter.error,
        limit: clampLimit(page.limit),
        cursor: page.cursor,
      }),
    retryDead: (filter: DeadFilter) =>
      call<{ retried: number }>('POST', '/api/dead/retry', {
        type: filter.type,
        error: filter.error,
      }),
    deleteDead: (filter: DeadFilter) =>
      call<{ deleted: number }>('DELETE', '/api/dead', { type: filter.type, error: filter.error }),
    pauseQueue: (priority: Priority) => call<unknown>('POST', `/api/queues/${priority}/pause`),
    resumeQueue: (priority: Priority) => call<unknown>('POST', `/api/queues/${priority}/resume`),
    wsTicket: () => call<WsTicket>('POST', '/api/ws-ticket'),
    schedules: async () =>
      (await call<{ items: Schedule[] }>('GET', '/api/schedules', { limit: 500 })).items,
    createSchedule: (input: ScheduleInput) =>
      call<Schedule>('POST', '/api/schedules', undefined, input),
    updateSchedule: (name: string, input: ScheduleInput) =>
      call<Schedule>('PUT', `/api/schedules/${enc(name)}`, undefined, input),
    pauseSchedule: (name: string) => call<Schedule>('POST', `/api/schedules/${enc(name)}/pause`),
    resumeSchedule: (name: string) => call<Schedule>('POST', `/api/schedules/${enc(name)}/resume`),
    deleteSchedule: (name: string) => call<void>('DELETE', `/api/schedules/${enc(name)}`),
    runSchedule: (name: string) => call<Job>('POST', `/api/schedules/${enc(name)}/run`),
    previewSchedule: (cron: string, timeZone: string) =>
      call<SchedulePreview>('GET', '/api/schedules/preview', { cron, timeZone, count: 5 }),
  }
}

export type Api = ReturnType<typeof createApi>
