// Shares the single event feed with every page through context.
import { createContext, useContext, useEffect, useRef } from 'react'
import type { EventFeed, EventListener } from './useEventFeed'

export const EventsContext = createContext<EventFeed | null>(null)

export function useEvents(): EventFeed {
  const feed = useContext(EventsContext)
  if (!feed) throw new Error('useEvents must be used inside EventsContext')
  return feed
}

/** Calls the latest `listener` with each batch, without resubscribing on every render. */
export function useEventListener(listener: EventListener): void {
  const { subscribe } = useEvents()
  const ref = useRef(listener)
  useEffect(() => {
    ref.current = listener
  })
  useEffect(() => subscribe((batch) => ref.current(batch)), [subscribe])
}
