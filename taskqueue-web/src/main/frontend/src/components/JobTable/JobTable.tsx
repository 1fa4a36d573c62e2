import { jobHref } from '../../hooks/useHashRoute'
import { canCancel, canRetry } from '../../lib/jobEvents'
import { formatRelative } from '../../lib/format'
import type { Job } from '../../services/types'
import { StatusBadge } from '../StatusBadge/StatusBadge'
import './JobTable.css'

interface Props {
  jobs: Job[]
  now: number
  /** Null hides the operator-only column and checkboxes entirely. */
  actions: {
    selected: ReadonlySet<string>
    onToggle: (id: string) => void
    onToggleAll: () => void
    onCancel: (id: string) => void
    onRetry: (id: string) => void
    busy: boolean
  } | null
}

export function JobTable({ jobs, now, actions }: Props) {
  const allSelected =
    actions !== null && jobs.length > 0 && jobs.every((j) => actions.selected.has(j.id))
  return (
    <div className="table-wrap">
      <table className="table job-table">
        <caption className="visually-hidden">Jobs</caption>
        <thead>
          <tr>
            {actions && (
              <th scope="col" className="job-table__check">
                <input
                  type="checkbox"
                  aria-label="Select all jobs on this page"
                  checked={allSelected}
                  onChange={actions.onToggleAll}
                />
              </th>
            )}
            <th scope="col">Id</th>
            <th scope="col">Type</th>
            <th scope="col">Priority</th>
            <th scope="col">Status</th>
            <th scope="col">Attempt</th>
            <th scope="col">Created</th>
            {actions && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <tr key={job.id}>
              {actions && (
                <td className="job-table__check">
                  <input
                    type="checkbox"
                    aria-label={`Select job ${job.id}`}
                    checked={actions.selected.has(job.id)}
                    onChange={() => actions.onToggle(job.id)}
                  />
                </td>
              )}
              <td className="mono">
                <a href={jobHref(job.id)}>{job.id}</a>
              </td>
              <td>{job.type}</td>
              <td>{job.priority}</td>
              <td>
                <StatusBadge status={job.status} />
              </td>
              <td className="num">
                {job.attempt}/{job.maxAttempts}
              </td>
              <td>
                <time dateTime={job.createdAt} title={job.createdAt}>
                  {formatRelative(job.createdAt, now)}
                </time>
              </td>
              {actions && (
                <td className="job-table__actions">
                  {canCancel(job.status) && (
                    <button
                      type="button"
                      className="button button--small"
                      disabled={actions.busy}
                      onClick={() => actions.onCancel(job.id)}
                      aria-label={`Cancel job ${job.id}`}
                    >
                      Cancel
                    </button>
                  )}
                  {canRetry(job.status) && (
                    <button
                      type="button"
                      className="button button--small"
                      disabled={actions.busy}
                      onClick={() => actions.onRetry(job.id)}
                      aria-label={`Retry job ${job.id}`}
                    >
                      Retry
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
