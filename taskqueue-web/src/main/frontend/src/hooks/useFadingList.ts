// Keeps items that vanished from `items` around for `fadeMs`, flagged as leaving,
// so the UI can fade them out instead of having them blink away.
import { useEffect, useRef, useState } from 'react'

export interface Fading<T> {
  item: T
  leaving: boolean
}

export function useFadingList<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  fadeMs: number,
): Fading<T>[] {
  const [leaving, setLeaving] = useState<ReadonlyMap<string, T>>(new Map())
  const previous = useRef<readonly T[]>([])
  const keyRef = useRef(keyOf)
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>())

  useEffect(() => {
    keyRef.current = keyOf
  })

  useEffect(() => {
    const keyFn = keyRef.current
    const present = new Set(items.map(keyFn))
    const gone = previous.current.filter((item) => !present.has(keyFn(item)))
    previous.current = items
    if (gone.length === 0) return
    setLeaving((current) => {
      const next = new Map(current)
      for (const item of gone) next.set(keyFn(item), item)
      return next
    })
    const timer = setTimeout(() => {
      timers.current.delete(timer)
      setLeaving((current) => {
        const next = new Map(current)
        for (const item of gone) next.delete(keyFn(item))
        return next
      })
    }, fadeMs)
    timers.current.add(timer)
  }, [items, fadeMs])

  useEffect(() => {
    const pending = timers.current
    return () => pending.forEach(clearTimeout)
  }, [])

  const present = new Set(items.map(keyOf))
  const result: Fading<T>[] = items.map((item) => ({ item, leaving: false }))
  for (const [key, item] of leaving) {
    if (!present.has(key)) result.push({ item, leaving: true })
  }
  return result
}
