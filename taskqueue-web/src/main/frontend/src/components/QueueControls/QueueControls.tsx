import { useState } from 'react'
import { errorMessage, type Api } from '../../services/api'
import { PRIORITIES, type Priority, type QueuesInfo } from '../../services/types'
import { Notice } from '../Notice/Notice'
import './QueueControls.css'

interface Props {
  queues: QueuesInfo
  api: Api
  /** Operators get pause/resume buttons; everyone else sees state only. */
  canOperate: boolean
  onChanged: () => void
}

export function QueueControls({ queues, api, canOperate, onChanged }: Props) {
  const [busy, setBusy] = useState<Priority | null>(null)
  const [error, setError] = useState<string | null>(null)

  const toggle = async (priority: Priority, paused: boolean) => {
    setBusy(priority)
    setError(null)
    try {
      await (paused ? api.resumeQueue(priority) : api.pauseQueue(priority))
      onChanged()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  return (
    <section className="queues" aria-labelledby="queues-title">
      <h2 id="queues-title">Queues</h2>
      <ul className="queues__list">
        {PRIORITIES.map((p) => {
          const paused = queues.paused.includes(p)
          return (
            <li key={p} className="queues__item">
              <span className="queues__name">{p}</span>
              <span className="num">{queues.waiting[p] ?? 0} waiting</span>
              {paused && <span className="badge badge--retrying">paused</span>}
              {canOperate && (
                <button
                  type="button"
                  className="button button--small"
                  disabled={busy !== null}
                  onClick={() => void toggle(p, paused)}
                >
                  {paused ? `Resume ${p}` : `Pause ${p}`}
                </button>
              )}
            </li>
          )
        })}
      </ul>
      <p className="queues__meta">
        {queues.delayed} delayed · {queues.inFlight} in flight
      </p>
      {error && <Notice kind="error">{error}</Notice>}
    </section>
  )
}
