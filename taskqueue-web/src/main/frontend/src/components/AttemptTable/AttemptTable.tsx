import { formatDuration, formatTimestamp } from '../../lib/format'
import type { Attempt } from '../../services/types'

/** Every finished attempt: where it ran, how long, how it ended, and its error in full. */
export function AttemptTable({ attempts }: { attempts: Attempt[] }) {
  if (attempts.length === 0) return <p>No attempt has finished yet.</p>
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Attempts</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Worker</th>
            <th scope="col">Started</th>
            <th scope="col">Duration</th>
            <th scope="col">Outcome</th>
            <th scope="col">Error</th>
          </tr>
        </thead>
        <tbody>
          {attempts.map((a) => (
            <tr key={a.attempt}>
              <td className="num">{a.attempt}</td>
              <td className="mono">{a.workerId ?? '—'}</td>
              <td>{formatTimestamp(a.startedAt)}</td>
              <td className="num">{formatDuration(a.durationMs ?? undefined)}</td>
              <td>{a.outcome}</td>
              <td>
                {a.error ? (
                  <details>
                    <summary>{a.error.split('\n')[0]}</summary>
                    <pre className="code code--error">{a.error}</pre>
                  </details>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
