import { useEffect, useState, type FormEvent } from 'react'
import { useSession } from '../../hooks/useSession'
import { errorMessage } from '../../services/api'
import type {
  MisfirePolicy,
  OverlapPolicy,
  Priority,
  Schedule,
  ScheduleInput,
  SchedulePreview,
} from '../../services/types'
import { PRIORITIES } from '../../services/types'
import './ScheduleForm.css'

// Preview after typing pauses, not on every keystroke.
const PREVIEW_DELAY_MS = 400

interface Props {
  /** The schedule being edited; null to create one. */
  editing: Schedule | null
  onSave: (input: ScheduleInput) => Promise<void>
  onCancel: () => void
}

interface Draft {
  name: string
  cron: string
  timeZone: string
  type: string
  payload: string
  priority: Priority
  maxAttempts: string
  overlap: OverlapPolicy
  misfire: MisfirePolicy
}

function draftOf(s: Schedule | null): Draft {
  return {
    name: s?.name ?? '',
    cron: s?.cron ?? '0 * * * *',
    timeZone: s?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC',
    type: s?.job.type ?? '',
    payload: JSON.stringify(s?.job.payload ?? {}, null, 2),
    priority: s?.job.priority ?? 'medium',
    maxAttempts: String(s?.job.maxAttempts ?? 4),
    overlap: s?.overlap ?? 'allow',
    misfire: s?.misfire ?? 'skip',
  }
}

/** Create or edit a schedule, with its next fire times previewed in words and local time. */
export function ScheduleForm({ editing, onSave, onCancel }: Props) {
  const { api } = useSession()
  const [draft, setDraft] = useState<Draft>(() => draftOf(editing))
  const [preview, setPreview] = useState<SchedulePreview | null>(null)
  const [previewError, setPreviewError] = useState<string | null>(null)
  const [saveError, setSaveError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const set = (part: Partial<Draft>) => setDraft((d) => ({ ...d, ...part }))

  useEffect(() => {
    let current = true
    const timer = setTimeout(() => {
      api
        .previewSchedule(draft.cron, draft.timeZone)
        .then((p) => current && (setPreview(p), setPreviewError(null)))
        .catch((e: unknown) => current && (setPreview(null), setPreviewError(errorMessage(e))))
    }, PREVIEW_DELAY_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [api, draft.cron, draft.timeZone])

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    let payload: unknown
    try {
      payload = JSON.parse(draft.payload || '{}')
    } catch {
      setSaveError('Payload is not valid JSON.')
      return
    }
    setSaving(true)
    setSaveError(null)
    try {
      await onSave({
        name: draft.name.trim(),
        cron: draft.cron.trim(),
        timeZone: draft.timeZone.trim(),
        job: {
          type: draft.type.trim(),
          payload,
          priority: draft.priority,
          maxAttempts: Number(draft.maxAttempts),
        },
        overlap: draft.overlap,
        misfire: draft.misfire,
        paused: editing?.paused,
      })
    } catch (err) {
      setSaveError(errorMessage(err))
    } finally {
      setSaving(false)
    }
  }

  return (
    <form className="schedule-form" onSubmit={submit} aria-label="Schedule">
      <h2>{editing ? `Edit ${editing.name}` : 'New schedule'}</h2>
      <div className="schedule-form__grid">
        <label>
          Name
          <input
            value={draft.name}
            disabled={editing !== null}
            required
            onChange={(e) => set({ name: e.target.value })}
          />
        </label>
        <label>
          Cron expression
          <input
            className="mono"
            value={draft.cron}
            required
            onChange={(e) => set({ cron: e.target.value })}
          />
        </label>
        <label>
          Time zone
          <input value={draft.timeZone} onChange={(e) => set({ timeZone: e.target.value })} />
        </label>
        <label>
          Job type
          <input value={draft.type} required onChange={(e) => set({ type: e.target.value })} />
        </label>
        <label>
          Priority
          <select
            value={draft.priority}
            onChange={(e) => set({ priority: e.target.value as Priority })}
          >
            {PRIORITIES.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        <label>
          Max attempts
          <input
            type="number"
            min={1}
            max={100}
            value={draft.maxAttempts}
            onChange={(e) => set({ maxAttempts: e.target.value })}
          />
        </label>
        <label>
          While the previous job runs
          <select
            value={draft.overlap}
            onChange={(e) => set({ overlap: e.target.value as OverlapPolicy })}
          >
            <option value="allow">run anyway</option>
            <option value="skip">skip</option>
          </select>
        </label>
        <label>
          Missed fire times
          <select
            value={draft.misfire}
            onChange={(e) => set({ misfire: e.target.value as MisfirePolicy })}
          >
            <option value="skip">skip</option>
            <option value="fire-once">fire once</option>
            <option value="fire-all">fire all (up to 10)</option>
          </select>
        </label>
      </div>
      <label className="schedule-form__payload">
        Payload (JSON)
        <textarea
          className="mono"
          rows={4}
          value={draft.payload}
          onChange={(e) => set({ payload: e.target.value })}
        />
      </label>
      <section className="schedule-form__preview" aria-label="Preview" aria-live="polite">
        {previewError && <p className="schedule-form__error">{previewError}</p>}
        {preview && (
          <>
            <p>
              Fires <strong>{preview.description}</strong>. Next:
            </p>
            <ol>
              {preview.localTimes.map((t) => (
                <li key={t}>{t}</li>
              ))}
            </ol>
          </>
        )}
      </section>
      {saveError && (
        <p className="schedule-form__error" role="alert">
          {saveError}
        </p>
      )}
      <div className="schedule-form__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {editing ? 'Save schedule' : 'Create schedule'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
