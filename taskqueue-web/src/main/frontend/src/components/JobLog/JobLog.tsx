import { useCallback, useEffect, useRef, useState } from 'react'
import { useEventListener } from '../../hooks/useEvents'
import { useSession } from '../../hooks/useSession'
import { useThrottledCallback } from '../../hooks/useThrottledCallback'
import { formatTimestamp } from '../../lib/format'
import { errorMessage } from '../../services/api'
import type { LogLine } from '../../services/types'
import './JobLog.css'

interface Props {
  jobId: string
  /** Lines the job's handler wrote beyond its limit. */
  dropped: number
}

/** The job's log lines, fetched incrementally as job.log events announce new ones. */
export function JobLog({ jobId, dropped }: Props) {
  const { api } = useSession()
  const [lines, setLines] = useState<LogLine[]>([])
  const [error, setError] = useState<string | null>(null)
  const after = useRef(0)

  const load = useCallback(() => {
    api
      .jobLogs(jobId, after.current)
      .then((page) => {
        if (page.lines.length === 0) return
        after.current = page.lines[page.lines.length - 1].seq
        setLines((prev) => [...prev, ...page.lines])
        setError(null)
      })
      .catch((e: unknown) => setError(errorMessage(e)))
  }, [api, jobId])

  useEffect(load, [load])
  const more = useThrottledCallback(load, 500)
  useEventListener((batch) => {
    if (
      batch.some((e) => e.jobId === jobId && (e.type === 'job.log' || e.type === 'job.completed'))
    )
      more()
  })

  if (error) return <p className="job-log__error">{error}</p>
  if (lines.length === 0) return <p>No log lines.</p>
  return (
    <>
      <ol className="job-log" aria-label="Log">
        {lines.map((l) => (
          <li key={l.seq} className={`job-log__line job-log__line--${l.level}`}>
            <span className="job-log__meta" title={formatTimestamp(l.at)}>
              #{l.attempt} {l.level}
            </span>{' '}
            <span className="mono">{l.message}</span>
          </li>
        ))}
      </ol>
      {dropped > 0 && <p>{dropped} more lines were dropped (the job's log limit).</p>}
    </>
  )
}
