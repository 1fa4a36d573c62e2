import { useCallback, useState } from 'react'
import { ConfirmDialog } from '../components/ConfirmDialog/ConfirmDialog'
import { Notice } from '../components/Notice/Notice'
import { ScheduleForm } from '../components/ScheduleForm/ScheduleForm'
import { ScheduleTable, type ScheduleAction } from '../components/ScheduleTable/ScheduleTable'
import { useEventListener } from '../hooks/useEvents'
import { useNow } from '../hooks/useNow'
import { usePolling } from '../hooks/usePolling'
import { canOperate, useSession } from '../hooks/useSession'
import { useThrottledCallback } from '../hooks/useThrottledCallback'
import { errorMessage } from '../services/api'
import type { Schedule, ScheduleInput } from '../services/types'

const POLL_MS = 10_000

type Editing = { schedule: Schedule | null } | null

/** Recurring jobs: list, create, edit with a preview, pause, resume, run now, delete. */
export function SchedulesPage() {
  const { api, me } = useSession()
  const schedules = usePolling(
    useCallback(() => api.schedules(), [api]),
    POLL_MS,
  )
  const now = useNow(10_000)
  const operator = canOperate(me)
  const [editing, setEditing] = useState<Editing>(null)
  const [deleting, setDeleting] = useState<Schedule | null>(null)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null)

  // A scheduled job finishing changes a "last run"; poll sooner than the fallback.
  const refresh = useThrottledCallback(schedules.refresh, 1000)
  useEventListener((batch) => {
    if (batch.some((e) => e.type.startsWith('job.'))) refresh()
  })

  const save = async (input: ScheduleInput) => {
    const saved = editing?.schedule
      ? await api.updateSchedule(editing.schedule.name, input)
      : await api.createSchedule(input)
    setEditing(null)
    setMessage({ kind: 'info', text: `Saved schedule ${saved.name}.` })
    schedules.refresh()
  }

  const act = async (action: ScheduleAction, s: Schedule) => {
    if (action === 'edit') return setEditing({ schedule: s })
    if (action === 'delete') return setDeleting(s)
    setBusy(true)
    setMessage(null)
    try {
      if (action === 'run') {
        const job = await api.runSchedule(s.name)
        setMessage({ kind: 'info', text: `Submitted job ${job.id} from ${s.name}.` })
      } else if (action === 'pause') {
        await api.pauseSchedule(s.name)
        setMessage({ kind: 'info', text: `Paused ${s.name}.` })
      } else {
        await api.resumeSchedule(s.name)
        setMessage({ kind: 'info', text: `Resumed ${s.name}.` })
      }
      schedules.refresh()
    } catch (err) {
      setMessage({ kind: 'error', text: errorMessage(err) })
    } finally {
      setBusy(false)
    }
  }

  const remove = async (s: Schedule) => {
    setDeleting(null)
    try {
      await api.deleteSchedule(s.name)
      setMessage({ kind: 'info', text: `Deleted ${s.name}.` })
      schedules.refresh()
    } catch (err) {
      setMessage({ kind: 'error', text: errorMessage(err) })
    }
  }

  return (
    <>
      <h1>Schedules</h1>
      {operator && !editing && (
        <p>
          <button
            type="button"
            className="button button--primary"
            onClick={() => setEditing({ schedule: null })}
          >
            New schedule
          </button>
        </p>
      )}
      {editing && (
        <ScheduleForm
          key={editing.schedule?.name ?? 'new'}
          editing={editing.schedule}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      )}
      {schedules.error && <Notice kind="error">{schedules.error}</Notice>}
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <ScheduleTable
        schedules={schedules.data ?? []}
        now={now}
        onAction={operator ? (a, s) => void act(a, s) : null}
        busy={busy}
      />
      {schedules.data && schedules.data.length === 0 && <p>No schedules yet.</p>}
      {deleting && (
        <ConfirmDialog
          title="Delete schedule?"
          message={`This deletes the schedule ${deleting.name}; the jobs it submitted stay.`}
          confirmLabel="Delete"
          onConfirm={() => void remove(deleting)}
          onCancel={() => setDeleting(null)}
        />
      )}
    </>
  )
}
