import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../services/api'
import type { WsTicket } from '../services/types'
import { eventsUrl, useEventFeed } from './useEventFeed'

/** Minimal stand-in for the browser WebSocket, driven by the test. */
class FakeSocket {
  static instances: FakeSocket[] = []
  readonly url: string
  readyState = 0
  sent: string[] = []
  closedByClient = false
  onopen: (() => void) | null = null
  onmessage: ((e: { data: unknown }) => void) | null = null
  onclose: ((e: { code: number }) => void) | null = null
  onerror: (() => void) | null = null

  constructor(url: string) {
    this.url = url
    FakeSocket.instances.push(this)
  }
  send(data: string) {
    this.sent.push(data)
  }
  close() {
    this.closedByClient = true
    this.readyState = 3
  }
  open() {
    this.readyState = 1
    this.onopen?.()
  }
  receive(message: object) {
    this.onmessage?.({ data: JSON.stringify(message) })
  }
  drop(code = 1006) {
    this.readyState = 3
    this.onclose?.({ code })
  }
}

const ticket = (n: number): WsTicket => ({ ticket: `t${n}`, expiresInSeconds: 30 })
const sockets = () => FakeSocket.instances
const lastSocket = () => FakeSocket.instances[FakeSocket.instances.length - 1]

async function advance(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms)
  })
}

function setup(getTicket?: () => Promise<WsTicket>, filter: string[] = []) {
  let n = 0
  const fetchTicket = vi.fn(getTicket ?? (() => Promise.resolve(ticket(++n))))
  const hook = renderHook(({ f }) => useEventFeed({ getTicket: fetchTicket, filter: f }), {
    initialProps: { f: filter },
  })
  return { getTicket: fetchTicket, hook }
}

describe('useEventFeed', () => {
  beforeEach(() => {
    FakeSocket.instances = []
    vi.useFakeTimers()
    vi.stubGlobal('WebSocket', FakeSocket)
    vi.spyOn(Math, 'random').mockReturnValue(0.5) // no jitter: exact delays
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.useRealTimers()
  })

  it('opens a socket with a ticket and sends the filter once open', async () => {
    const { getTicket, hook } = setup(undefined, ['job.*'])
    expect(hook.result.current.state).toBe('connecting')
    await advance(0)
    expect(getTicket).toHaveBeenCalledTimes(1)
    expect(sockets()).toHaveLength(1)
    expect(lastSocket().url).toMatch(/^ws:\/\/[^/]+\/ws\/events\?ticket=t1$/)
    act(() => lastSocket().open())
    expect(hook.result.current.state).toBe('open')
    expect(JSON.parse(lastSocket().sent[0])).toEqual({ action: 'subscribe', types: ['job.*'] })
  })

  it('sends a changed filter while open', async () => {
    const { hook } = setup(undefined, ['job.*'])
    await advance(0)
    act(() => lastSocket().open())
    hook.rerender({ f: ['job.*'] }) // same value: nothing sent
    hook.rerender({ f: ['worker.*'] })
    expect(lastSocket().sent.map((s) => JSON.parse(s).types)).toEqual([['job.*'], ['worker.*']])
  })

  it('delivers events in one batch per 100 ms, in order, without control messages', async () => {
    const { hook } = setup()
    const listener = vi.fn()
    hook.result.current.subscribe(listener)
    await advance(0)
    act(() => lastSocket().open())
    act(() => {
      lastSocket().receive({ action: 'subscribed', types: [], jobTypes: [], jobIds: [] })
      for (let i = 0; i < 5; i++) {
        lastSocket().receive({ type: 'job.created', jobId: `j${i}`, timestamp: 'x' })
      }
    })
    expect(listener).not.toHaveBeenCalled()
    await advance(100)
    expect(listener).toHaveBeenCalledTimes(1)
    expect(listener.mock.calls[0][0].map((e: { jobId: string }) => e.jobId)).toEqual([
      'j0',
      'j1',
      'j2',
      'j3',
      'j4',
    ])
  })

  it('reconnects with backoff, a new ticket each time, resetting after an open', async () => {
    const { getTicket, hook } = setup(undefined, ['job.*'])
    await advance(0)
    act(() => lastSocket().open())

    act(() => lastSocket().drop(1013))
    expect(hook.result.current.state).toBe('reconnecting')
    expect(hook.result.current.nextRetryAt).toBe(Date.now() + 1000)
    await advance(999)
    expect(getTicket).toHaveBeenCalledTimes(1)
    await advance(1)
    expect(getTicket).toHaveBeenCalledTimes(2)
    expect(lastSocket().url).toMatch(/ticket=t2$/)

    // Dropped before opening: the next wait doubles.
    act(() => lastSocket().drop())
    expect(hook.result.current.nextRetryAt).toBe(Date.now() + 2000)
    await advance(1999)
    expect(sockets()).toHaveLength(2)
    await advance(1)
    expect(sockets()).toHaveLength(3)
    expect(lastSocket().url).toMatch(/ticket=t3$/)

    // A successful open resets the schedule and resubscribes.
    act(() => lastSocket().open())
    expect(hook.result.current.state).toBe('open')
    expect(JSON.parse(lastSocket().sent[0])).toEqual({ action: 'subscribe', types: ['job.*'] })
    act(() => lastSocket().drop())
    expect(hook.result.current.nextRetryAt).toBe(Date.now() + 1000)
  })

  it('retries when getting a ticket fails', async () => {
    const getTicket = vi
      .fn<() => Promise<WsTicket>>()
      .mockRejectedValueOnce(new Error('network down'))
      .mockResolvedValue(ticket(9))
    const { hook } = setup(getTicket)
    await advance(0)
    expect(hook.result.current.state).toBe('reconnecting')
    expect(sockets()).toHaveLength(0)
    await advance(1000)
    expect(sockets()).toHaveLength(1)
  })

  it('stops when the key is refused', async () => {
    const getTicket = vi.fn(() => Promise.reject(new ApiError(401, 'Unauthorized')))
    const { hook } = setup(getTicket)
    await advance(0)
    expect(hook.result.current.state).toBe('closed')
    await advance(60_000)
    expect(getTicket).toHaveBeenCalledTimes(1)
  })

  it('closes the socket on unmount and does not reconnect', async () => {
    const { hook } = setup()
    await advance(0)
    act(() => lastSocket().open())
    const ws = lastSocket()
    hook.unmount()
    expect(ws.closedByClient).toBe(true)
    await advance(60_000)
    expect(sockets()).toHaveLength(1)
  })
})

describe('eventsUrl', () => {
  it('opens the feed below the context root, over wss behind TLS', () => {
    expect(eventsUrl('t 1', { protocol: 'http:', host: 'h:8080', pathname: '/' })).toBe(
      'ws://h:8080/ws/events?ticket=t%201',
    )
    expect(eventsUrl('t', { protocol: 'https:', host: 'h', pathname: '/orders/' })).toBe(
      'wss://h/orders/ws/events?ticket=t',
    )
  })
})
