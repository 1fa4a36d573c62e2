import { describe, expect, it } from 'vitest'
import type { WorkflowMember } from '../services/types'
import { depths } from './workflow'

const job = (id: string, parents: string[] = []): WorkflowMember => ({
  id,
  key: id,
  type: 't',
  status: 'waiting',
  parents,
  createdAt: '2026-01-01T00:00:00Z',
})

describe('depths', () => {
  it('puts each job one level below its deepest parent in the workflow', () => {
    const d = depths([
      job('join', ['left', 'right']),
      job('left', ['fetch']),
      job('fetch'),
      job('right', ['fetch', 'stored-elsewhere']),
    ])
    expect(Object.fromEntries(d)).toEqual({ fetch: 0, left: 1, right: 1, join: 2 })
  })
})
