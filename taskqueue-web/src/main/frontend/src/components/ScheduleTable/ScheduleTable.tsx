import { jobHref } from '../../hooks/useHashRoute'
import { formatRelative, formatTimestamp } from '../../lib/format'
import type { Schedule } from '../../services/types'
import { StatusBadge } from '../StatusBadge/StatusBadge'

export type ScheduleAction = 'edit' | 'pause' | 'resume' | 'run' | 'delete'

interface Props {
  schedules: Schedule[]
  now: number
  /** Null hides the operator-only column. */
  onAction: ((action: ScheduleAction, schedule: Schedule) => void) | null
  busy: boolean
}

/**
 * Schedules by name: when each fires next, and how its latest job went. One declared in code is
 * marked so and has no Edit: its definition changes in code (the API refuses it with 409).
 */
export function ScheduleTable({ schedules, now, onAction, busy }: Props) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Schedules</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">When</th>
            <th scope="col">Job</th>
            <th scope="col">Next fire</th>
            <th scope="col">Last run</th>
            {onAction && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {schedules.map((s) => (
            <tr key={s.name}>
              <td>
                {s.name} {s.paused && <StatusBadge status="paused" />}
                {s.declaredBy && (
                  <>
                    <br />
                    <small title={s.declaredBy}>
                      {s.retiredAt
                        ? `declared in code until ${formatTimestamp(s.retiredAt)}`
                        : 'declared in code'}
                    </small>
                  </>
                )}
              </td>
              <td>
                <span className="mono">{s.cron}</span> ({s.timeZone})
                <br />
                <small>{s.description}</small>
              </td>
              <td>{s.job.type}</td>
              <td title={s.nextFireTimes[0] ? formatTimestamp(s.nextFireTimes[0]) : undefined}>
                {s.nextFireTimes[0] ? formatRelative(s.nextFireTimes[0], now) : '—'}
              </td>
              <td>
                {s.lastRun ? (
                  <a href={jobHref(s.lastRun.jobId)}>
                    <StatusBadge status={s.lastRun.status} />
                  </a>
                ) : (
                  '—'
                )}
                {s.lastSkipReason && (
                  <>
                    <br />
                    <small title={formatTimestamp(s.lastSkipAt)}>skipped: {s.lastSkipReason}</small>
                  </>
                )}
              </td>
              {onAction && (
                <td className="actions">
                  <button
                    type="button"
                    className="button"
                    disabled={busy}
                    onClick={() => onAction('run', s)}
                  >
                    Run now
                  </button>
                  <button
                    type="button"
                    className="button"
                    disabled={busy}
                    onClick={() => onAction(s.paused ? 'resume' : 'pause', s)}
                  >
                    {s.paused ? 'Resume' : 'Pause'}
                  </button>
                  {!s.declaredBy && (
                    <button
                      type="button"
                      className="button"
                      disabled={busy}
                      onClick={() => onAction('edit', s)}
                    >
                      Edit
                    </button>
                  )}
                  <button
                    type="button"
                    className="button button--danger"
                    disabled={busy}
                    onClick={() => onAction('delete', s)}
                  >
                    Delete…
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
