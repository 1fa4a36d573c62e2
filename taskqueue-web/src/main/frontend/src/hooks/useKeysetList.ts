// One page of a keyset-paginated job list (/api/jobs, /api/dead), kept current by
// live events. Keyset pages have no "previous": users go Next or back to First.
import { useCallback, useEffect, useRef, useState } from 'react'
import { applyEvents } from '../lib/jobEvents'
import { errorMessage } from '../services/api'
import type { FeedEvent, Job, Page } from '../services/types'
import { useEventListener } from './useEvents'
import { useThrottledCallback } from './useThrottledCallback'

/** How often at most the first page is fetched again because new jobs arrived. */
export const NEW_JOBS_REFRESH_MS = 2_000

export interface KeysetList {
  items: Job[]
  error: string | null
  loading: boolean
  isFirstPage: boolean
  hasNext: boolean
  next: () => void
  first: () => void
  reload: () => void
  replace: (job: Job) => void
}

interface Loaded {
  items: Job[]
  nextCursor: string | null
}

/**
 * @param fetchPage loads the page starting at cursor (null = first page)
 * @param resetKey changes when the filter changes; that always restarts at page one
 * @param bringsNewRows events after which the first page may have new rows at its top (a new
 *   job, a job gone dead): the first page is then fetched again, at most every 2 s, so a flood
 *   of events costs one bounded request per interval, not one per event
 */
export function useKeysetList(
  fetchPage: (cursor: string | null) => Promise<Page<Job>>,
  resetKey: string,
  bringsNewRows: (event: FeedEvent) => boolean = () => false,
): KeysetList {
  const [cursor, setCursor] = useState<string | null>(null)
  // A new filter restarts at page one (React's "adjust state on prop change" pattern).
  const [cursorKey, setCursorKey] = useState(resetKey)
  if (cursorKey !== resetKey) {
    setCursorKey(resetKey)
    setCursor(null)
  }
  const current = cursorKey === resetKey ? cursor : null
  const [reloads, setReloads] = useState(0)
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)
  const fetchRef = useRef(fetchPage)

  useEffect(() => {
    fetchRef.current = fetchPage
  })

  useEffect(() => {
    let stale = false // a newer request superseded this one
    setLoading(true)
    fetchRef
      .current(current)
      .then((page) => {
        if (stale) return
        setLoaded({ items: page.items, nextCursor: page.nextCursor ?? null })
        setError(null)
      })
      .catch((e: unknown) => {
        if (!stale) setError(errorMessage(e))
      })
      .finally(() => {
        if (!stale) setLoading(false)
      })
    return () => {
      stale = true
    }
  }, [resetKey, current, reloads])

  const refreshFirstPage = useThrottledCallback(() => setReloads((n) => n + 1), NEW_JOBS_REFRESH_MS)
  const bringsNewRowsRef = useRef(bringsNewRows)
  useEffect(() => {
    bringsNewRowsRef.current = bringsNewRows
  })

  useEventListener((batch) => {
    if (current === null && batch.some((event) => bringsNewRowsRef.current(event))) {
      refreshFirstPage()
    }
    setLoaded((prev) => {
      if (!prev) return prev
      const items = applyEvents(prev.items, batch)
      return items === prev.items ? prev : { ...prev, items }
    })
  })

  const nextCursor = loaded?.nextCursor ?? null
  const next = useCallback(() => {
    if (nextCursor) setCursor(nextCursor)
  }, [nextCursor])
  const first = useCallback(() => {
    setCursor(null)
    setReloads((n) => n + 1)
  }, [])
  const reload = useCallback(() => setReloads((n) => n + 1), [])
  const replace = useCallback((job: Job) => {
    setLoaded((prev) =>
      prev ? { ...prev, items: prev.items.map((j) => (j.id === job.id ? job : j)) } : prev,
    )
  }, [])

  return {
    items: loaded?.items ?? [],
    error,
    loading,
    isFirstPage: current === null,
    hasNext: nextCursor !== null,
    next,
    first,
    reload,
    replace,
  }
}
