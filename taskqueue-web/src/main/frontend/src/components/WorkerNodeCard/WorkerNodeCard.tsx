import { jobHref } from '../../hooks/useHashRoute'
import { formatDuration, formatPercent, toMillis } from '../../lib/format'
import type { WorkerNode } from '../../services/types'
import { StatusBadge } from '../StatusBadge/StatusBadge'
import './WorkerNodeCard.css'

interface Props {
  node: WorkerNode
  now: number
  /** Set when the node disappeared from the server's list; CSS fades it out. */
  leaving: boolean
}

function uptime(startedAt: string, now: number): string {
  const start = toMillis(startedAt)
  return Number.isFinite(start) ? formatDuration(Math.max(0, now - start)) : '—'
}

export function WorkerNodeCard({ node, now, leaving }: Props) {
  return (
    <article className={leaving ? 'node node--leaving' : 'node'} aria-label={`Node ${node.nodeId}`}>
      <header className="node__head">
        <h2 className="node__title mono">{node.nodeId}</h2>
        <StatusBadge status={leaving ? 'gone' : node.status} />
      </header>
      <p className="node__meta">
        {node.workers} workers · utilisation {formatPercent(node.utilisation)} · up{' '}
        {uptime(node.startedAt, now)}
      </p>
      <div className="table-wrap">
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">Worker</th>
              <th scope="col">Status</th>
              <th scope="col">Current job</th>
              <th scope="col" className="num">
                Processed
              </th>
              <th scope="col" className="num">
                Failed
              </th>
              <th scope="col" className="num">
                Retried
              </th>
              <th scope="col">Uptime</th>
            </tr>
          </thead>
          <tbody>
            {node.threads.map((t) => (
              <tr key={t.workerId}>
                <td className="mono">{t.workerId}</td>
                <td>
                  <StatusBadge status={t.status} />
                </td>
                <td className="mono">
                  {t.currentJob ? <a href={jobHref(t.currentJob)}>{t.currentJob}</a> : '—'}
                </td>
                <td className="num">{t.processed}</td>
                <td className="num">{t.failed}</td>
                <td className="num">{t.retried}</td>
                <td>{uptime(t.startedAt, now)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </article>
  )
}
