import { useState, type FormEvent } from 'react'
import { errorMessage } from '../../services/api'
import type { RetentionAges, RetentionChange, RetentionInfo } from '../../services/types'
import './RetentionForm.css'

interface Props {
  retention: RetentionInfo
  onSave: (change: RetentionChange) => Promise<void>
  onCancel: () => void
}

const FIELDS: { key: keyof RetentionAges; label: string }[] = [
  { key: 'completedDays', label: 'Completed jobs' },
  { key: 'deadDays', label: 'Dead jobs' },
  { key: 'cancelledDays', label: 'Cancelled jobs' },
  { key: 'auditDays', label: 'Audit entries' },
]

type Draft = Record<keyof RetentionAges, string>

const draftOf = (r: RetentionAges): Draft => ({
  completedDays: String(r.completedDays),
  deadDays: String(r.deadDays),
  cancelledDays: String(r.cancelledDays),
  auditDays: String(r.auditDays),
})

/**
 * An admin changes how many days finished jobs and audit entries are kept (0: for ever).
 * Only changed ages are sent; "Use configured" sends every age back to the node's
 * configuration. The server checks the values and says what is wrong.
 */
export function RetentionForm({ retention, onSave, onCancel }: Props) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(retention))
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  const save = async (change: RetentionChange) => {
    setSaving(true)
    setError(null)
    try {
      await onSave(change)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const change: RetentionChange = {}
    for (const { key, label } of FIELDS) {
      const text = draft[key].trim()
      if (!/^\d+$/.test(text)) {
        setError(`${label}: a whole number of days, 0 to keep for ever.`)
        return
      }
      if (Number(text) !== retention[key]) change[key] = Number(text)
    }
    if (Object.keys(change).length === 0) {
      onCancel()
      return
    }
    void save(change)
  }

  const configured = retention.configured
  return (
    <form className="retention-form" onSubmit={submit} aria-label="Retention settings">
      <div className="retention-form__grid">
        {FIELDS.map(({ key, label }) => (
          <label key={key}>
            {label} (days)
            <input
              type="number"
              min={0}
              value={draft[key]}
              onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
            />
            {configured && <small>configured: {configured[key]}</small>}
          </label>
        ))}
      </div>
      {error && (
        <p className="retention-form__error" role="alert">
          {error}
        </p>
      )}
      <div className="retention-form__actions">
        <button type="submit" disabled={saving}>
          Save
        </button>
        {configured && (
          <button
            type="button"
            disabled={saving}
            onClick={() =>
              void save({
                completedDays: null,
                deadDays: null,
                cancelledDays: null,
                auditDays: null,
              })
            }
          >
            Use configured
          </button>
        )}
        <button type="button" onClick={onCancel} disabled={saving}>
          Cancel
        </button>
      </div>
    </form>
  )
}
