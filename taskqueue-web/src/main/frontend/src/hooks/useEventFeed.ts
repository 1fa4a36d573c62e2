// One WebSocket to /ws/events for the whole app. Owns reconnects (fresh ticket
// every time: a ticket is single-use) and batches events before fan-out.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { ApiError, appRoot } from '../services/api'
import type { FeedEvent, WsTicket } from '../services/types'
import { EventBatcher } from './eventBatcher'
import { delay } from './reconnectDelay'

export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed'
export type EventListener = (batch: FeedEvent[]) => void
export type Subscribe = (listener: EventListener) => () => void

export interface EventFeed {
  state: ConnectionState
  /** Epoch ms of the next reconnect attempt while state is 'reconnecting'. */
  nextRetryAt: number | null
  subscribe: Subscribe
}

export interface EventFeedOptions {
  getTicket: () => Promise<WsTicket>
  /** Event type patterns sent to the server after every open, e.g. ['job.*']. */
  filter?: readonly string[]
  enabled?: boolean
}

const NO_FILTER: readonly string[] = []
// WebSocket.OPEN; a literal so test doubles need not define the static.
const OPEN = 1

export function eventsUrl(
  ticket: string,
  loc: Pick<Location, 'protocol' | 'host' | 'pathname'> = location,
) {
  const scheme = loc.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${scheme}//${loc.host}${appRoot(loc.pathname)}/ws/events?ticket=${encodeURIComponent(ticket)}`
}

function sendFilter(ws: WebSocket, types: readonly string[]) {
  ws.send(JSON.stringify({ action: 'subscribe', types }))
}

function parseEvent(data: unknown): FeedEvent | null {
  if (typeof data !== 'string') return null
  try {
    const msg = JSON.parse(data) as Partial<FeedEvent> & { action?: string }
    // Control replies ({"action":"subscribed",...}) are not events.
    if (msg.action !== undefined || typeof msg.type !== 'string') return null
    return msg as FeedEvent
  } catch {
    return null
  }
}

export function useEventFeed({
  getTicket,
  filter = NO_FILTER,
  enabled = true,
}: EventFeedOptions): EventFeed {
  const [state, setState] = useState<ConnectionState>(enabled ? 'connecting' : 'closed')
  const [nextRetryAt, setNextRetryAt] = useState<number | null>(null)
  const [listeners] = useState(() => new Set<EventListener>())
  const getTicketRef = useRef(getTicket)
  const socketRef = useRef<WebSocket | null>(null)
  // Compare filters by value so callers may pass a fresh array each render.
  const filterKey = JSON.stringify(filter)
  const filterRef = useRef<readonly string[]>(filter)

  useEffect(() => {
    getTicketRef.current = getTicket
  }, [getTicket])

  useEffect(() => {
    const types = JSON.parse(filterKey) as string[]
    filterRef.current = types
    const ws = socketRef.current
    if (ws && ws.readyState === OPEN) sendFilter(ws, types)
  }, [filterKey])

  useEffect(() => {
    if (!enabled) {
      setState('closed')
      return
    }
    let disposed = false
    let attempt = 0
    let timer: ReturnType<typeof setTimeout> | null = null
    const batcher = new EventBatcher<FeedEvent>((batch) => {
      for (const listener of listeners) listener(batch)
    })

    const scheduleReconnect = () => {
      const wait = delay(attempt, Math.random())
      attempt += 1
      setState('reconnecting')
      setNextRetryAt(Date.now() + wait)
      timer = setTimeout(() => void connect(), wait)
    }

    const connect = async () => {
      timer = null
      setState('connecting')
      setNextRetryAt(null)
      let ticket: WsTicket
      try {
        ticket = await getTicketRef.current()
      } catch (e) {
        if (disposed) return
        // A refused key will not get better by retrying; the app signs out.
        if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
          setState('closed')
          setNextRetryAt(null)
          return
        }
        scheduleReconnect()
        return
      }
      if (disposed) return
      const ws = new WebSocket(eventsUrl(ticket.ticket))
      socketRef.current = ws
      ws.onopen = () => {
        attempt = 0
        setState('open')
        setNextRetryAt(null)
        sendFilter(ws, filterRef.current)
      }
      ws.onmessage = (msg: MessageEvent) => {
        const event = parseEvent(msg.data)
        if (event) batcher.push(event)
      }
      // Also covers 1013 "too slow": back off like any other drop.
      ws.onclose = () => {
        if (socketRef.current === ws) socketRef.current = null
        if (disposed) return
        batcher.flush()
        scheduleReconnect()
      }
    }

    void connect()
    return () => {
      disposed = true
      if (timer !== null) clearTimeout(timer)
      batcher.dispose()
      const ws = socketRef.current
      socketRef.current = null
      ws?.close(1000, 'bye')
    }
  }, [enabled, listeners])

  const subscribe = useCallback<Subscribe>(
    (listener) => {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    [listeners],
  )

  return useMemo(() => ({ state, nextRetryAt, subscribe }), [state, nextRetryAt, subscribe])
}
