import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Schedule } from '../../services/types'
import { ScheduleTable } from './ScheduleTable'

const now = Date.parse('2026-12-08T12:00:00Z')

function schedule(name: string, extra: Partial<Schedule>): Schedule {
  return {
    name,
    cron: '30 2 * * *',
    timeZone: 'UTC',
    description: 'at 02:30',
    job: { type: 'report', payload: {}, priority: 'medium', maxAttempts: 4 },
    overlap: 'allow',
    misfire: 'skip',
    paused: false,
    nextFireTimes: ['2026-12-09T02:30:00Z'],
    createdAt: '2026-12-01T00:00:00Z',
    updatedAt: '2026-12-01T00:00:00Z',
    ...extra,
  }
}

describe('ScheduleTable', () => {
  it('marks schedules declared in code and offers no Edit for them', () => {
    render(
      <ScheduleTable
        now={now}
        busy={false}
        onAction={() => {}}
        schedules={[
          schedule('by-hand', {}),
          schedule('nightly', { declaredBy: 'com.example.NightlyReport' }),
          schedule('old', {
            declaredBy: 'com.example.OldReport',
            paused: true,
            retiredAt: '2026-12-05T10:00:00Z',
          }),
        ]}
      />,
    )
    const [, byHand, nightly, old] = screen.getAllByRole('row')
    expect(within(byHand).queryByText(/declared in code/)).toBeNull()
    expect(within(byHand).getByRole('button', { name: 'Edit' })).toBeInTheDocument()

    expect(within(nightly).getByText('declared in code')).toHaveAttribute(
      'title',
      'com.example.NightlyReport',
    )
    expect(within(nightly).queryByRole('button', { name: 'Edit' })).toBeNull()
    expect(within(nightly).getByRole('button', { name: 'Pause' })).toBeInTheDocument()

    expect(within(old).getByText(/declared in code until/)).toBeInTheDocument()
    expect(within(old).getByRole('button', { name: 'Resume' })).toBeInTheDocument()
  })
})
