import { useCallback, useState } from 'react'
import { BulkBar } from '../components/BulkBar/BulkBar'
import { JobFilters } from '../components/JobFilters/JobFilters'
import { JobTable } from '../components/JobTable/JobTable'
import { Notice } from '../components/Notice/Notice'
import { Pager } from '../components/Pager/Pager'
import { useJobActions, type JobAction } from '../hooks/useJobActions'
import { useKeysetList } from '../hooks/useKeysetList'
import { useNow } from '../hooks/useNow'
import { canOperate, useSession } from '../hooks/useSession'
import type { FeedEvent, JobFilter } from '../services/types'

const PAGE_SIZE = 50

/** A submission adds a row at the top of the newest-first first page. */
const isNewJob = (event: FeedEvent) =>
  event.type === 'job.created' || event.type === 'job.scheduled'

export function JobsPage() {
  const { api, me } = useSession()
  const [filter, setFilter] = useState<JobFilter>({})
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set<string>())
  const now = useNow(10_000)

  const list = useKeysetList(
    useCallback(
      (cursor: string | null) => api.jobs(filter, { limit: PAGE_SIZE, cursor }),
      [api, filter],
    ),
    JSON.stringify(filter),
    isNewJob,
  )
  const actions = useJobActions(list.replace)

  // Selection never outlives the page it was made on.
  const changePage = (go: () => void) => {
    setSelected(new Set<string>())
    go()
  }

  const toggle = (id: string) =>
    setSelected((prev) => {
      const next = new Set(prev)
      if (!next.delete(id)) next.add(id)
      return next
    })

  const toggleAll = () =>
    setSelected((prev) =>
      list.items.every((j) => prev.has(j.id))
        ? new Set<string>()
        : new Set(list.items.map((j) => j.id)),
    )

  const bulk = (action: JobAction) => {
    const ids = list.items.filter((j) => selected.has(j.id)).map((j) => j.id)
    void actions.run(action, ids).then(() => setSelected(new Set<string>()))
  }

  const operator = canOperate(me)
  return (
    <>
      <h1>Jobs</h1>
      <JobFilters filter={filter} onChange={(f) => changePage(() => setFilter(f))} />
      {list.error && <Notice kind="error">{list.error}</Notice>}
      {actions.message && <Notice kind={actions.message.kind}>{actions.message.text}</Notice>}
      {operator && (
        <BulkBar
          count={selected.size}
          busy={actions.busy}
          onCancel={() => bulk('cancel')}
          onRetry={() => bulk('retry')}
          onClear={() => setSelected(new Set<string>())}
        />
      )}
      <JobTable
        jobs={list.items}
        now={now}
        actions={
          operator
            ? {
                selected,
                onToggle: toggle,
                onToggleAll: toggleAll,
                onCancel: (id) => void actions.run('cancel', [id]),
                onRetry: (id) => void actions.run('retry', [id]),
                busy: actions.busy,
              }
            : null
        }
      />
      {!list.loading && list.items.length === 0 && <p>No jobs match.</p>}
      <Pager
        shown={list.items.length}
        canGoFirst={!list.isFirstPage}
        hasNext={list.hasNext}
        onFirst={() => changePage(list.first)}
        onNext={() => changePage(list.next)}
      />
    </>
  )
}
