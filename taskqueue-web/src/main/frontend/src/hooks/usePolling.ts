// Polls slowly as a fallback for missed events; refresh() lets event handlers
// ask for fresh data sooner.
import { useCallback, useEffect, useRef, useState } from 'react'
import { errorMessage } from '../services/api'

export interface Polled<T> {
  data: T | null
  error: string | null
  refresh: () => void
}

export function usePolling<T>(fetcher: () => Promise<T>, intervalMs: number): Polled<T> {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  const fetcherRef = useRef(fetcher)
  const inFlight = useRef(false)
  const mounted = useRef(true)

  useEffect(() => {
    fetcherRef.current = fetcher
  })

  const refresh = useCallback(() => {
    // A slow server must not pile up overlapping requests.
    if (inFlight.current) return
    inFlight.current = true
    fetcherRef
      .current()
      .then((value) => {
        if (!mounted.current) return
        setData(value)
        setError(null)
      })
      .catch((e: unknown) => {
        if (mounted.current) setError(errorMessage(e))
      })
      .finally(() => {
        inFlight.current = false
      })
  }, [])

  useEffect(() => {
    mounted.current = true
    refresh()
    const id = setInterval(refresh, intervalMs)
    return () => {
      mounted.current = false
      clearInterval(id)
    }
  }, [refresh, intervalMs])

  return { data, error, refresh }
}
