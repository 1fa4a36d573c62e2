import { useCallback, useState } from 'react'
import { ConfirmDialog } from '../components/ConfirmDialog/ConfirmDialog'
import { Notice } from '../components/Notice/Notice'
import { StatusBadge } from '../components/StatusBadge/StatusBadge'
import { useEventListener } from '../hooks/useEvents'
import { hrefFor, jobHref } from '../hooks/useHashRoute'
import { usePolling } from '../hooks/usePolling'
import { canOperate, useSession } from '../hooks/useSession'
import { useThrottledCallback } from '../hooks/useThrottledCallback'
import { errorMessage } from '../services/api'
import { depths } from '../lib/workflow'

const POLL_MS = 10_000

/** A workflow: its jobs level by level, each with its parents, status counts, cancel all. */
export function WorkflowPage({ id }: { id: string }) {
  const { api, me } = useSession()
  const workflow = usePolling(
    useCallback(() => api.workflow(id), [api, id]),
    POLL_MS,
  )
  const [confirming, setConfirming] = useState(false)
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null)
  const ids = new Set(workflow.data?.jobs.map((j) => j.id) ?? [])
  const refresh = useThrottledCallback(workflow.refresh, 1000)
  useEventListener((batch) => {
    if (batch.some((e) => e.jobId !== undefined && ids.has(e.jobId))) refresh()
  })

  const cancel = async () => {
    setConfirming(false)
    try {
      const { cancelled } = await api.cancelWorkflow(id)
      setMessage({ kind: 'info', text: `Cancelled ${cancelled} jobs.` })
      workflow.refresh()
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) })
    }
  }

  const jobs = workflow.data?.jobs ?? []
  const depth = depths(jobs)
  const name = new Map(jobs.map((j) => [j.id, j.key ?? j.id.slice(0, 8)]))
  const ordered = [...jobs].sort((a, b) => (depth.get(a.id) ?? 0) - (depth.get(b.id) ?? 0))
  return (
    <>
      <p>
        <a href={hrefFor('/jobs')}>← Jobs</a>
      </p>
      <h1>
        Workflow <span className="mono">{id}</span>
      </h1>
      {workflow.error && <Notice kind="error">{workflow.error}</Notice>}
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {workflow.data && (
        <p aria-label="Statuses">
          {Object.entries(workflow.data.statuses).map(([status, n]) => (
            <span key={status}>
              <StatusBadge status={status} /> {n}{' '}
            </span>
          ))}
        </p>
      )}
      {canOperate(me) &&
        jobs.some((j) => !['completed', 'dead', 'cancelled'].includes(j.status)) && (
          <p>
            <button
              type="button"
              className="button button--danger"
              onClick={() => setConfirming(true)}
            >
              Cancel workflow…
            </button>
          </p>
        )}
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Workflow jobs</caption>
          <thead>
            <tr>
              <th scope="col">Level</th>
              <th scope="col">Job</th>
              <th scope="col">Type</th>
              <th scope="col">Status</th>
              <th scope="col">Waits for</th>
            </tr>
          </thead>
          <tbody>
            {ordered.map((j) => (
              <tr key={j.id}>
                <td>{depth.get(j.id)}</td>
                <td>
                  <a href={jobHref(j.id)}>{name.get(j.id)}</a>
                </td>
                <td>{j.type}</td>
                <td>
                  <StatusBadge status={j.status} />
                </td>
                <td>{j.parents.map((p) => name.get(p) ?? p.slice(0, 8)).join(', ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {confirming && (
        <ConfirmDialog
          title="Cancel workflow?"
          message="This cancels every unfinished job of the workflow; running ones are told to stop."
          confirmLabel="Cancel jobs"
          onConfirm={() => void cancel()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </>
  )
}
