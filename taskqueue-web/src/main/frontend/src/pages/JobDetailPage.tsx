import { useCallback, useEffect, useState } from 'react'
import { AttemptTable } from '../components/AttemptTable/AttemptTable'
import { JobLog } from '../components/JobLog/JobLog'
import { Relatives } from '../components/Relatives/Relatives'
import { Notice } from '../components/Notice/Notice'
import { StatusBadge } from '../components/StatusBadge/StatusBadge'
import { Timeline } from '../components/Timeline/Timeline'
import { useEventListener } from '../hooks/useEvents'
import { hrefFor, workflowHref } from '../hooks/useHashRoute'
import { useJobActions } from '../hooks/useJobActions'
import { canOperate, useSession } from '../hooks/useSession'
import { useThrottledCallback } from '../hooks/useThrottledCallback'
import { formatJson, formatTimestamp } from '../lib/format'
import { canCancel, canRetry } from '../lib/jobEvents'
import { jobTimeline } from '../lib/timeline'
import { errorMessage } from '../services/api'
import type { Attempt, Dependencies, FeedEvent, Job } from '../services/types'
import './JobDetailPage.css'

// Live events kept per job; a job that retries forever must not grow memory forever.
const MAX_EVENTS = 100

export function JobDetailPage({ id }: { id: string }) {
  const { api, me } = useSession()
  const [job, setJob] = useState<Job | null>(null)
  const [attempts, setAttempts] = useState<Attempt[]>([])
  const [error, setError] = useState<string | null>(null)
  const [events, setEvents] = useState<FeedEvent[]>([])
  const [deps, setDeps] = useState<Dependencies | null>(null)
  const actions = useJobActions(setJob)

  const load = useCallback(() => {
    Promise.all([api.job(id), api.attempts(id), api.jobDependencies(id)])
      .then(([j, a, d]) => {
        setJob(j)
        setAttempts(a)
        setDeps(d)
        setError(null)
      })
      .catch((e: unknown) => setError(errorMessage(e)))
  }, [api, id])

  useEffect(() => {
    setJob(null)
    setAttempts([])
    setEvents([])
    load()
  }, [load])

  const reload = useThrottledCallback(load, 1000)
  useEventListener((batch) => {
    const mine = batch.filter((e) => e.jobId === id)
    if (mine.length === 0) return
    // Progress and log events update the page, not its timeline.
    const changes = mine.filter((e) => e.type !== 'job.progress' && e.type !== 'job.log')
    if (changes.length > 0) setEvents((prev) => [...prev, ...changes].slice(-MAX_EVENTS))
    reload()
  })

  return (
    <>
      <p>
        <a href={hrefFor('/jobs')}>← Jobs</a>
      </p>
      <h1 className="job__title">
        Job <span className="mono">{id}</span> {job && <StatusBadge status={job.status} />}
      </h1>
      {error && <Notice kind="error">{error}</Notice>}
      {actions.message && <Notice kind={actions.message.kind}>{actions.message.text}</Notice>}
      {job && (
        <>
          {canOperate(me) && (
            <div className="job__actions">
              {canCancel(job.status) && (
                <button
                  type="button"
                  className="button"
                  disabled={actions.busy}
                  onClick={() => void actions.run('cancel', [job.id])}
                >
                  Cancel job
                </button>
              )}
              {canRetry(job.status) && (
                <button
                  type="button"
                  className="button button--primary"
                  disabled={actions.busy}
                  onClick={() => void actions.run('retry', [job.id])}
                >
                  Retry job
                </button>
              )}
            </div>
          )}
          <JobFacts job={job} />
          {job.progress && (
            <section className="job__section" aria-label="Progress">
              <h2>Progress</h2>
              <progress max={100} value={job.progress.percent}>
                {job.progress.percent}%
              </progress>{' '}
              {job.progress.percent}% {job.progress.message}
            </section>
          )}
          {(job.workflowId || (deps && (deps.parents.length > 0 || deps.children.length > 0))) && (
            <section className="job__section">
              <h2>Dependencies</h2>
              {job.workflowId && (
                <p>
                  Part of <a href={workflowHref(job.workflowId)}>workflow {job.workflowId}</a>
                  {job.workflowKey && ` as ${job.workflowKey}`}.
                </p>
              )}
              {deps && (
                <>
                  <h3>Parents</h3>
                  <Relatives label="Parents" jobs={deps.parents} />
                  <h3>Children</h3>
                  <Relatives label="Children" jobs={deps.children} />
                </>
              )}
            </section>
          )}
          <section className="job__section">
            <h2>Log</h2>
            <JobLog jobId={job.id} dropped={job.logsDropped ?? 0} />
          </section>
          <section className="job__section">
            <h2>Attempts</h2>
            <AttemptTable attempts={attempts} />
          </section>
          <section className="job__section">
            <h2>Timeline</h2>
            <Timeline items={jobTimeline(job, events)} />
          </section>
          {job.waitingFor && (
            <section className="job__section" role="status">
              <h2>Waiting</h2>
              <p>{job.waitingFor}</p>
            </section>
          )}
          {job.lastError && (
            <section className="job__section">
              <h2>Last error</h2>
              <pre className="code code--error">{job.lastError}</pre>
            </section>
          )}
          <section className="job__section">
            <h2>Payload</h2>
            <pre className="code">{formatJson(job.payload)}</pre>
          </section>
          {job.result !== undefined && job.result !== null && (
            <section className="job__section">
              <h2>Result</h2>
              <pre className="code">{formatJson(job.result)}</pre>
            </section>
          )}
        </>
      )}
    </>
  )
}

function JobFacts({ job }: { job: Job }) {
  const facts: [string, string][] = [
    ['Type', job.type],
    ['Priority', job.priority],
    ['Attempt', `${job.attempt} / ${job.maxAttempts}`],
    ['Worker', job.workerId ?? '—'],
    ['Submitted by', job.submittedBy ?? '—'],
    ...(job.schedule
      ? ([
          ['Schedule', job.schedule],
          ['Fire time', job.fireTime ? formatTimestamp(job.fireTime) : 'run by hand'],
        ] as [string, string][])
      : []),
    ['Created', formatTimestamp(job.createdAt)],
    ['Scheduled', formatTimestamp(job.scheduledAt)],
    ['Started', formatTimestamp(job.startedAt)],
    ['Finished', formatTimestamp(job.finishedAt)],
  ]
  return (
    <dl className="facts">
      {facts.map(([term, value]) => (
        <div key={term} className="facts__row">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}
