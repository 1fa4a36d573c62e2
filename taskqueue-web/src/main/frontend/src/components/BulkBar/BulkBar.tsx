import './BulkBar.css'

interface Props {
  count: number
  busy: boolean
  onCancel: () => void
  onRetry: () => void
  onClear: () => void
}

export function BulkBar({ count, busy, onCancel, onRetry, onClear }: Props) {
  if (count === 0) return null
  return (
    <div className="bulk" role="region" aria-label="Bulk actions">
      <span>{count} selected</span>
      <button type="button" className="button" disabled={busy} onClick={onCancel}>
        Cancel selected
      </button>
      <button type="button" className="button" disabled={busy} onClick={onRetry}>
        Retry selected
      </button>
      <button type="button" className="button button--ghost" disabled={busy} onClick={onClear}>
        Clear selection
      </button>
    </div>
  )
}
