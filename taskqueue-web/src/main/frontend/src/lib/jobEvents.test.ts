import { describe, expect, it } from 'vitest'
import type { Job } from '../services/types'
import { applyEvents, canCancel, canRetry } from './jobEvents'

const job = (id: string, over: Partial<Job> = {}): Job => ({
  id,
  type: 'email',
  payload: {},
  priority: 'medium',
  status: 'queued',
  attempt: 0,
  maxAttempts: 3,
  createdAt: '2026-01-01T00:00:00Z',
  ...over,
})

describe('applyEvents', () => {
  it('patches status and attempt of visible jobs', () => {
    const jobs = [job('a'), job('b')]
    const next = applyEvents(jobs, [
      { type: 'job.started', jobId: 'a', attempt: 1, timestamp: 't' },
      { type: 'job.retrying', jobId: 'a', attempt: 1, timestamp: 't' },
    ])
    expect(next[0]).toMatchObject({ status: 'retrying', attempt: 1 })
    expect(next[1]).toBe(jobs[1])
  })

  it('returns the same array when nothing visible changed', () => {
    const jobs = [job('a')]
    expect(applyEvents(jobs, [{ type: 'job.started', jobId: 'zzz', timestamp: 't' }])).toBe(jobs)
    expect(applyEvents(jobs, [{ type: 'worker.up', timestamp: 't' }])).toBe(jobs)
  })

  it('trusts an explicit status over the event type', () => {
    const [patched] = applyEvents(
      [job('a', { status: 'running' })],
      [{ type: 'job.failed', jobId: 'a', status: 'dead', timestamp: 't' }],
    )
    expect(patched.status).toBe('dead')
  })
})

describe('action rules', () => {
  it('mirror the server', () => {
    expect(canCancel('running')).toBe(true)
    expect(canCancel('completed')).toBe(false)
    expect(canRetry('dead')).toBe(true)
    expect(canRetry('cancelled')).toBe(true)
    expect(canRetry('queued')).toBe(false)
  })
})
