import { useCallback, useState, type FormEvent } from 'react'
import { ConfirmDialog } from '../components/ConfirmDialog/ConfirmDialog'
import { DeadTable } from '../components/DeadTable/DeadTable'
import { Notice } from '../components/Notice/Notice'
import { Pager } from '../components/Pager/Pager'
import { useJobActions } from '../hooks/useJobActions'
import { useKeysetList } from '../hooks/useKeysetList'
import { useNow } from '../hooks/useNow'
import { canOperate, useSession } from '../hooks/useSession'
import { errorMessage } from '../services/api'
import type { DeadFilter, FeedEvent } from '../services/types'
import './DeadLettersPage.css'

const PAGE_SIZE = 50

function describe(filter: DeadFilter): string {
  const parts = [
    filter.type ? `type "${filter.type}"` : '',
    filter.error ? `error containing "${filter.error}"` : '',
  ].filter(Boolean)
  return parts.length ? `dead jobs with ${parts.join(' and ')}` : 'ALL dead jobs'
}

/** A job that dies joins the top of the newest-first list. */
const isNewlyDead = (event: FeedEvent) => event.type === 'job.dead'

export function DeadLettersPage() {
  const { api, me } = useSession()
  const [filter, setFilter] = useState<DeadFilter>({})
  const [draft, setDraft] = useState<DeadFilter>({})
  const [confirming, setConfirming] = useState(false)
  const [bulkBusy, setBulkBusy] = useState(false)
  const [bulkMessage, setBulkMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(
    null,
  )
  const now = useNow(10_000)
  const list = useKeysetList(
    useCallback(
      (cursor: string | null) => api.dead(filter, { limit: PAGE_SIZE, cursor }),
      [api, filter],
    ),
    JSON.stringify(filter),
    isNewlyDead,
  )
  const actions = useJobActions(list.replace)
  const operator = canOperate(me)

  const apply = (e: FormEvent) => {
    e.preventDefault()
    setFilter({ type: draft.type?.trim(), error: draft.error?.trim() })
  }

  const bulk = async (kind: 'retry' | 'delete') => {
    setConfirming(false)
    setBulkBusy(true)
    setBulkMessage(null)
    try {
      const text =
        kind === 'retry'
          ? `Retried ${(await api.retryDead(filter)).retried} jobs.`
          : `Deleted ${(await api.deleteDead(filter)).deleted} jobs.`
      setBulkMessage({ kind: 'info', text })
      list.first()
    } catch (err) {
      setBulkMessage({ kind: 'error', text: errorMessage(err) })
    } finally {
      setBulkBusy(false)
    }
  }

  const message = bulkMessage ?? actions.message
  return (
    <>
      <h1>Dead letters</h1>
      <form className="dead__filters" onSubmit={apply} aria-label="Filter dead letters">
        <label>
          Type
          <input
            value={draft.type ?? ''}
            onChange={(e) => setDraft({ ...draft, type: e.target.value })}
          />
        </label>
        <label>
          Error contains
          <input
            value={draft.error ?? ''}
            onChange={(e) => setDraft({ ...draft, error: e.target.value })}
          />
        </label>
        <button type="submit" className="button">
          Apply
        </button>
      </form>
      {operator && (
        <div className="dead__bulk">
          <button
            type="button"
            className="button"
            disabled={bulkBusy}
            onClick={() => void bulk('retry')}
          >
            Retry all matching
          </button>
          <button
            type="button"
            className="button button--danger"
            disabled={bulkBusy}
            onClick={() => setConfirming(true)}
          >
            Delete all matching…
          </button>
        </div>
      )}
      {list.error && <Notice kind="error">{list.error}</Notice>}
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <DeadTable
        jobs={list.items}
        now={now}
        busy={actions.busy || bulkBusy}
        onRetry={operator ? (id) => void actions.run('retry', [id]) : null}
      />
      {!list.loading && list.items.length === 0 && <p>No dead letters match.</p>}
      <Pager
        shown={list.items.length}
        canGoFirst={!list.isFirstPage}
        hasNext={list.hasNext}
        onFirst={list.first}
        onNext={list.next}
      />
      {confirming && (
        <ConfirmDialog
          title="Delete dead letters?"
          message={`This permanently deletes ${describe(filter)}. It cannot be undone.`}
          confirmLabel="Delete"
          onConfirm={() => void bulk('delete')}
          onCancel={() => setConfirming(false)}
        />
      )}
    </>
  )
}
