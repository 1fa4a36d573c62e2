import { jobHref } from '../../hooks/useHashRoute'
import type { Relative } from '../../services/types'
import { StatusBadge } from '../StatusBadge/StatusBadge'

/** A job's parents or children: each linked, named by its workflow key when it has one. */
export function Relatives({ label, jobs }: { label: string; jobs: Relative[] }) {
  if (jobs.length === 0) return <p>No {label.toLowerCase()}.</p>
  return (
    <ul aria-label={label} className="relatives">
      {jobs.map((j) => (
        <li key={j.id}>
          <a href={jobHref(j.id)}>{j.key ?? j.id}</a> <span className="muted">{j.type}</span>{' '}
          <StatusBadge status={j.status} />
        </li>
      ))}
    </ul>
  )
}
