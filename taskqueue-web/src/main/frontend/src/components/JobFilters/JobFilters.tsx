import { useState, type FormEvent } from 'react'
import { navigate } from '../../hooks/useHashRoute'
import {
  JOB_STATUSES,
  PRIORITIES,
  type JobFilter,
  type JobStatus,
  type Priority,
} from '../../services/types'
import './JobFilters.css'

interface Props {
  filter: JobFilter
  onChange: (filter: JobFilter) => void
}

/** Selects apply at once; the free-text type applies on Enter/Apply to avoid a request per key. */
export function JobFilters({ filter, onChange }: Props) {
  const [type, setType] = useState(filter.type ?? '')
  const [jobId, setJobId] = useState('')

  const apply = (e: FormEvent) => {
    e.preventDefault()
    onChange({ ...filter, type: type.trim() })
  }

  const search = (e: FormEvent) => {
    e.preventDefault()
    const id = jobId.trim()
    if (id) navigate(`/jobs/${encodeURIComponent(id)}`)
  }

  return (
    <div className="filters">
      <form className="filters__form" onSubmit={apply} aria-label="Filter jobs">
        <label>
          Status
          <select
            value={filter.status ?? ''}
            onChange={(e) => onChange({ ...filter, status: e.target.value as JobStatus | '' })}
          >
            <option value="">any</option>
            {JOB_STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Priority
          <select
            value={filter.priority ?? ''}
            onChange={(e) => onChange({ ...filter, priority: e.target.value as Priority | '' })}
          >
            <option value="">any</option>
            {PRIORITIES.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        <label>
          Type
          <input value={type} onChange={(e) => setType(e.target.value)} placeholder="e.g. email" />
        </label>
        <button type="submit" className="button">
          Apply
        </button>
      </form>
      <form className="filters__form" onSubmit={search} role="search" aria-label="Find job by id">
        <label>
          Job id
          <input value={jobId} onChange={(e) => setJobId(e.target.value)} spellCheck={false} />
        </label>
        <button type="submit" className="button">
          Open
        </button>
      </form>
    </div>
  )
}
