// Turns a burst of calls into at most one call per interval (leading call delayed
// only as much as needed, one trailing call), used to refresh on live events.
import { useCallback, useEffect, useRef } from 'react'

export function useThrottledCallback(fn: () => void, intervalMs: number): () => void {
  const fnRef = useRef(fn)
  const lastRun = useRef(0)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  useEffect(() => {
    fnRef.current = fn
  })

  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current)
    },
    [],
  )

  return useCallback(() => {
    if (timer.current !== null) return // a run is already scheduled and will see the news
    const wait = Math.max(0, lastRun.current + intervalMs - Date.now())
    timer.current = setTimeout(() => {
      timer.current = null
      lastRun.current = Date.now()
      fnRef.current()
    }, wait)
  }, [intervalMs])
}
