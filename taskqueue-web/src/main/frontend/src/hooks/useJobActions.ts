// Cancel/retry for one or many jobs. Bulk runs are sequential on purpose: they are
// bounded by the page size and must not flood the server with parallel writes.
import { useCallback, useState } from 'react'
import { errorMessage } from '../services/api'
import type { Job } from '../services/types'
import { useSession } from './useSession'

export type JobAction = 'cancel' | 'retry'

export interface JobActions {
  busy: boolean
  message: { kind: 'info' | 'error'; text: string } | null
  run: (action: JobAction, ids: readonly string[]) => Promise<void>
}

const PAST: Record<JobAction, string> = { cancel: 'Cancelled', retry: 'Retried' }

export function useJobActions(onUpdated: (job: Job) => void): JobActions {
  const { api } = useSession()
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<JobActions['message']>(null)

  const run = useCallback(
    async (action: JobAction, ids: readonly string[]) => {
      setBusy(true)
      setMessage(null)
      const failures: string[] = []
      for (const id of ids) {
        try {
          const job = await (action === 'cancel' ? api.cancelJob(id) : api.retryJob(id))
          onUpdated(job)
        } catch (e) {
          failures.push(`${id} (${errorMessage(e)})`)
        }
      }
      const done = ids.length - failures.length
      setMessage(
        failures.length === 0
          ? { kind: 'info', text: `${PAST[action]} ${done} job${done === 1 ? '' : 's'}.` }
          : {
              kind: 'error',
              text: `${PAST[action]} ${done}; failed ${failures.length}: ${failures.join(', ')}`,
            },
      )
      setBusy(false)
    },
    [api, onUpdated],
  )

  return { busy, message, run }
}
