import type { ConnectionState } from '../../hooks/useEventFeed'
import { useNow } from '../../hooks/useNow'
import './ConnectionIndicator.css'

const LABELS: Record<ConnectionState, string> = {
  connecting: 'Connecting',
  open: 'Live',
  reconnecting: 'Reconnecting',
  closed: 'Disconnected',
}

interface Props {
  state: ConnectionState
  nextRetryAt: number | null
}

export function ConnectionIndicator({ state, nextRetryAt }: Props) {
  return (
    <div className={`conn conn--${state}`}>
      <span className="conn__dot" aria-hidden="true" />
      {/* Only the state change is announced; a ticking countdown would be read every second. */}
      <span role="status" aria-live="polite" aria-atomic="true">
        {LABELS[state]}
      </span>
      {state === 'reconnecting' && nextRetryAt !== null && <Countdown until={nextRetryAt} />}
    </div>
  )
}

function Countdown({ until }: { until: number }) {
  const now = useNow(1000)
  const seconds = Math.max(0, Math.ceil((until - now) / 1000))
  return <span className="conn__countdown"> in {seconds}s</span>
}
