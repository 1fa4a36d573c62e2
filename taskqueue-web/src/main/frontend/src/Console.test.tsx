// Smoke test of the signed-in shell: every route renders against a fake API and a
// fake WebSocket, and the main operator actions reach the API.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Console } from './Console'
import { createApi, type Api } from './services/api'
import type { Job, Me, Role } from './services/types'

vi.mock('./services/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./services/api')>()
  return { ...actual, createApi: vi.fn() }
})

class QuietSocket {
  static last: QuietSocket | null = null
  onopen: (() => void) | null = null
  onmessage: ((e: { data: string }) => void) | null = null
  onclose: (() => void) | null = null
  readyState = 0
  constructor() {
    QuietSocket.last = this
  }
  send() {}
  close() {}
}

class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}

const now = new Date().toISOString()
const job: Job = {
  id: 'job-1',
  type: 'email',
  payload: { to: 'a@example.com' },
  priority: 'high',
  status: 'queued',
  attempt: 0,
  maxAttempts: 3,
  createdAt: now,
}
const deadJob: Job = { ...job, id: 'job-9', status: 'dead', attempt: 3, lastError: 'boom\n  at X' }

function fakeApi() {
  return {
    me: vi.fn(),
    stats: vi.fn(() =>
      Promise.resolve({
        totals: { queued: 3, dead: 1 },
        successRate: 0.9,
        lastMinute: { throughputPerSecond: 2.5, averageMs: 120, p95Ms: 300 },
      }),
    ),
    retention: vi.fn(() =>
      Promise.resolve({ completedDays: 7, deadDays: 30, cancelledDays: 30, auditDays: 365 }),
    ),
    changeRetention: vi.fn(() =>
      Promise.resolve({ completedDays: 3, deadDays: 30, cancelledDays: 30, auditDays: 365 }),
    ),
    queues: vi.fn(() =>
      Promise.resolve({
        waiting: { high: 1, medium: 2, low: 3 },
        delayed: 0,
        inFlight: 1,
        paused: ['low'],
        statuses: {},
      }),
    ),
    workers: vi.fn(() =>
      Promise.resolve([
        {
          nodeId: 'node-1',
          status: 'running',
          startedAt: now,
          heartbeatAt: now,
          workers: 1,
          utilisation: 0.5,
          threads: [
            {
              workerId: 'w1',
              status: 'busy',
              currentJob: 'job-1',
              processed: 5,
              failed: 1,
              retried: 0,
              startedAt: now,
            },
          ],
        },
      ]),
    ),
    jobs: vi.fn(() => Promise.resolve({ items: [job], nextCursor: 'c2' })),
    job: vi.fn(() => Promise.resolve(deadJob)),
    attempts: vi.fn(() =>
      Promise.resolve([
        {
          attempt: 1,
          workerId: 'node-a/w2',
          startedAt: now,
          finishedAt: now,
          durationMs: 1200,
          outcome: 'failed',
          error: 'IllegalStateException: first try\n\tat Y.run(Y.java:7)',
        },
      ]),
    ),
    jobDependencies: vi.fn(() =>
      Promise.resolve({
        workflowId: null,
        parents: [{ id: 'job-1', key: 'fetch', type: 'email', status: 'completed' }],
        children: [],
      }),
    ),
    jobLogs: vi.fn(() =>
      Promise.resolve({
        lines: [{ seq: 1, attempt: 1, at: now, level: 'warn', message: 'disk almost full' }],
        next: 1,
        dropped: 2,
      }),
    ),
    cancelJob: vi.fn(() => Promise.resolve({ ...job, status: 'cancelled' })),
    retryJob: vi.fn(() => Promise.resolve({ ...deadJob, status: 'queued' })),
    dead: vi.fn(() => Promise.resolve({ items: [deadJob] })),
    retryDead: vi.fn(() => Promise.resolve({ retried: 1 })),
    deleteDead: vi.fn(() => Promise.resolve({ deleted: 1 })),
    pauseQueue: vi.fn(() => Promise.resolve({})),
    resumeQueue: vi.fn(() => Promise.resolve({})),
    wsTicket: vi.fn(() => Promise.resolve({ ticket: 't', expiresInSeconds: 30 })),
  }
}

let api: ReturnType<typeof fakeApi>

function show(hash: string, roles: Role[] = ['viewer', 'operator']) {
  window.location.hash = hash
  const me: Me = { name: 'ops', via: 'api-key', roles }
  return render(<Console secret="tq_x" me={me} onSignOut={vi.fn()} />)
}

describe('Console', () => {
  beforeEach(() => {
    api = fakeApi()
    vi.mocked(createApi).mockReturnValue(api as unknown as Api)
    vi.stubGlobal('WebSocket', QuietSocket)
    vi.stubGlobal('ResizeObserver', NoopResizeObserver)
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    window.location.hash = ''
  })

  it('overview shows figures and queue controls', async () => {
    show('#/')
    expect(await screen.findByText('90.0 %')).toBeInTheDocument()
    expect(await screen.findByRole('button', { name: 'Resume low' })).toBeInTheDocument()
    expect(await screen.findByText(/Completed jobs are kept 7 days/)).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page')
    expect(screen.getByRole('status')).toHaveTextContent(/Connecting|Live/)
  })

  it('overview: only an admin changes retention, and sees the change', async () => {
    show('#/')
    expect(await screen.findByText(/Completed jobs are kept 7 days/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Change retention' })).not.toBeInTheDocument()
    cleanup()

    show('#/', ['viewer', 'operator', 'admin'])
    fireEvent.click(await screen.findByRole('button', { name: 'Change retention' }))
    fireEvent.change(screen.getByLabelText(/Completed jobs/), { target: { value: '3' } })
    api.retention.mockResolvedValue({
      completedDays: 3,
      deadDays: 30,
      cancelledDays: 30,
      auditDays: 365,
    })
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(api.changeRetention).toHaveBeenCalledWith({ completedDays: 3 }))
    expect(await screen.findByText(/Completed jobs are kept 3 days/)).toBeInTheDocument()
    expect(screen.queryByRole('form', { name: 'Retention settings' })).not.toBeInTheDocument()
  })

  it('workers shows nodes with their threads', async () => {
    show('#/workers')
    expect(await screen.findByText('node-1')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'job-1' })).toHaveAttribute('href', '#/jobs/job-1')
  })

  it('jobs: cancel one row, page forward, patch rows from live events', async () => {
    show('#/jobs')
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel job job-1' }))
    expect(api.cancelJob).toHaveBeenCalledWith('job-1')
    expect(await screen.findByText('cancelled', { selector: '.badge' })).toBeInTheDocument()

    fireEvent.click(screen.getByRole('button', { name: 'Next' }))
    await vi.waitFor(() =>
      expect(api.jobs).toHaveBeenLastCalledWith({}, { limit: 50, cursor: 'c2' }),
    )

    const ws = QuietSocket.last
    expect(ws).not.toBeNull()
    act(() => {
      ws?.onmessage?.({
        data: JSON.stringify({ type: 'job.started', jobId: 'job-1', timestamp: now }),
      })
    })
    expect(await screen.findByText('running', { selector: '.badge' })).toBeInTheDocument()
  })

  it('jobs: a job created elsewhere appears at the top of the first page', async () => {
    show('#/jobs')
    expect(await screen.findByRole('link', { name: 'job-1' })).toBeInTheDocument()
    const fresh = { ...job, id: 'job-new', status: 'queued' as const }
    api.jobs.mockImplementation(() => Promise.resolve({ items: [fresh, job], nextCursor: 'c2' }))
    act(() => {
      QuietSocket.last?.onmessage?.({
        data: JSON.stringify({ type: 'job.created', jobId: 'job-new', timestamp: now }),
      })
    })
    expect(
      await screen.findByRole('link', { name: 'job-new' }, { timeout: 4000 }),
    ).toBeInTheDocument()
    expect(api.jobs).toHaveBeenCalledTimes(2)
  })

  it('jobs: viewers get no action buttons or checkboxes', async () => {
    show('#/jobs', ['viewer'])
    expect(await screen.findByRole('link', { name: 'job-1' })).toBeInTheDocument()
    expect(screen.queryByRole('checkbox')).toBeNull()
    expect(screen.queryByRole('button', { name: /Cancel job/ })).toBeNull()
  })

  it('job detail shows the error and offers retry', async () => {
    show('#/jobs/job-9')
    expect(await screen.findByText(/at X/, { selector: 'pre' })).toBeInTheDocument()
    expect(await screen.findByText('node-a/w2')).toBeInTheDocument()
    expect(screen.getByText(/at Y\.run/, { selector: 'pre' })).toBeInTheDocument()
    expect(api.attempts).toHaveBeenCalledWith('job-9')
    expect(await screen.findByText('disk almost full')).toBeInTheDocument()
    expect(api.jobLogs).toHaveBeenCalledWith('job-9', 0)
    expect(await screen.findByRole('link', { name: 'fetch' })).toHaveAttribute(
      'href',
      '#/jobs/job-1',
    )
    fireEvent.click(screen.getByRole('button', { name: 'Retry job' }))
    expect(api.retryJob).toHaveBeenCalledWith('job-9')
  })

  it('job detail says why a queued job waits when no live node runs its type', async () => {
    api.job.mockImplementation(() =>
      Promise.resolve({
        ...job,
        waitingFor:
          "no live node runs type 'email': the job waits, queued, until a node that runs it is up",
      }),
    )
    show('#/jobs/job-1')
    const heading = await screen.findByRole('heading', { name: 'Waiting' })
    expect(heading.closest('section')).toHaveTextContent("no live node runs type 'email'")
  })

  it('dead letters: delete all matching needs confirmation', async () => {
    show('#/dead')
    expect(await screen.findByText('boom')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: 'Delete all matching…' }))
    const dialog = screen.getByRole('alertdialog')
    expect(api.deleteDead).not.toHaveBeenCalled()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }))
    expect(api.deleteDead).toHaveBeenCalledWith({})
    expect(await screen.findByText('Deleted 1 jobs.')).toBeInTheDocument()
  })

  it('live feed renders', async () => {
    show('#/feed')
    expect(screen.getByRole('heading', { name: 'Live feed' })).toBeInTheDocument()
    expect(await screen.findByText('No events yet.')).toBeInTheDocument()
  })

  it('unknown routes say so', () => {
    show('#/nope')
    expect(screen.getByRole('heading', { name: 'Not found' })).toBeInTheDocument()
  })
})
