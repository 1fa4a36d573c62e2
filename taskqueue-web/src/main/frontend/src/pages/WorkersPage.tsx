import { useCallback } from 'react'
import { Notice } from '../components/Notice/Notice'
import { WorkerNodeCard } from '../components/WorkerNodeCard/WorkerNodeCard'
import { useEventListener } from '../hooks/useEvents'
import { useFadingList } from '../hooks/useFadingList'
import { useNow } from '../hooks/useNow'
import { usePolling } from '../hooks/usePolling'
import { useSession } from '../hooks/useSession'
import { useThrottledCallback } from '../hooks/useThrottledCallback'
import type { FeedEvent, WorkerNode } from '../services/types'
import './WorkersPage.css'

const POLL_MS = 5000
// Must match --fade-ms in theme.css so removal happens after the transition.
const FADE_MS = 600
const NO_NODES: WorkerNode[] = []

const nodeKey = (n: WorkerNode) => n.nodeId

// Events that change what this page shows; job.created etc. do not.
const RELEVANT = /^(worker\.|job\.(started|completed|failed|retrying|dead|cancelled))/

export function WorkersPage() {
  const { api } = useSession()
  const workers = usePolling(
    useCallback(() => api.workers(), [api]),
    POLL_MS,
  )
  const nodes = useFadingList(workers.data ?? NO_NODES, nodeKey, FADE_MS)
  const now = useNow(1000)

  const refresh = useThrottledCallback(workers.refresh, 1000)
  useEventListener((batch: FeedEvent[]) => {
    if (batch.some((e) => RELEVANT.test(e.type))) refresh()
  })

  return (
    <>
      <h1>Workers</h1>
      {workers.error && <Notice kind="error">{workers.error}</Notice>}
      {workers.data && nodes.length === 0 && <p>No worker nodes are running.</p>}
      <div className="nodes">
        {nodes.map(({ item, leaving }) => (
          <WorkerNodeCard key={item.nodeId} node={item} now={now} leaving={leaving} />
        ))}
      </div>
    </>
  )
}
