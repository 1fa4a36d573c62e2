import { jobHref } from '../../hooks/useHashRoute'
import { formatRelative } from '../../lib/format'
import type { Job } from '../../services/types'

interface Props {
  jobs: Job[]
  now: number
  /** Null hides the retry column for non-operators. */
  onRetry: ((id: string) => void) | null
  busy: boolean
}

/** First line of the error only; the full stack trace lives on the job page. */
function firstLine(text: string | null | undefined): string {
  return text ? text.split('\n', 1)[0] : '—'
}

export function DeadTable({ jobs, now, onRetry, busy }: Props) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Dead letters</caption>
        <thead>
          <tr>
            <th scope="col">Id</th>
            <th scope="col">Type</th>
            <th scope="col">Attempts</th>
            <th scope="col">Last error</th>
            <th scope="col">Died</th>
            {onRetry && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <tr key={job.id}>
              <td className="mono">
                <a href={jobHref(job.id)}>{job.id}</a>
              </td>
              <td>{job.type}</td>
              <td className="num">
                {job.attempt}/{job.maxAttempts}
              </td>
              <td className="cell--error">{firstLine(job.lastError)}</td>
              <td>
                {job.finishedAt ? (
                  <time dateTime={job.finishedAt} title={job.finishedAt}>
                    {formatRelative(job.finishedAt, now)}
                  </time>
                ) : (
                  '—'
                )}
              </td>
              {onRetry && (
                <td>
                  {job.status === 'dead' && (
                    <button
                      type="button"
                      className="button button--small"
                      disabled={busy}
                      onClick={() => onRetry(job.id)}
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
