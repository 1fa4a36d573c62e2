import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { RetentionSummary } from './RetentionSummary'

const now = Date.parse('2026-12-07T12:00:00Z')

describe('RetentionSummary', () => {
  it('shows the ages and what the last round removed', () => {
    render(
      <RetentionSummary
        now={now}
        retention={{
          completedDays: 7,
          deadDays: 30,
          cancelledDays: 0,
          auditDays: 365,
          changedBy: 'alice',
          lastRun: {
            node: 'node-1',
            startedAt: '2026-12-07T11:58:00Z',
            durationMs: 1500,
            removed: { completed: 1200, dead: 3, idempotencyKeys: 0 },
            complete: false,
          },
        }}
      />,
    )
    expect(screen.getByText(/Completed jobs are kept 7 days/)).toHaveTextContent(
      'dead ones 30 days, cancelled ones for ever; audit entries 365 days. Changed by alice.',
    )
    expect(screen.getByText(/Last pruning/)).toHaveTextContent(
      'Last pruning 2 minutes ago on node-1: removed 1,203 (1,200 completed, 3 dead) in 1.5 s, more next round.',
    )
  })

  it('says when no round has run', () => {
    render(
      <RetentionSummary
        now={now}
        retention={{ completedDays: 1, deadDays: 30, cancelledDays: 30, auditDays: 365 }}
      />,
    )
    expect(screen.getByText('No pruning round yet.')).toBeInTheDocument()
    expect(screen.getByText(/kept 1 day,/)).toBeInTheDocument()
  })
})
