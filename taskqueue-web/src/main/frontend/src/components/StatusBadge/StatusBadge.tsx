import './StatusBadge.css'

/** Colour comes from the status name via CSS, so any new status still renders. */
export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge--${status}`}>{status}</span>
}
