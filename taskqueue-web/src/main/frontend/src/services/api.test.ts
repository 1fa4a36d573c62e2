import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, clampLimit, createApi, withQuery } from './api'

function respond(status: number, body: unknown, type = 'application/json') {
  return vi.fn(() =>
    Promise.resolve(
      new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } }),
    ),
  )
}

describe('api', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('never asks for more than 200 items', () => {
    expect(clampLimit(undefined)).toBe(50)
    expect(clampLimit(5000)).toBe(200)
    expect(clampLimit(0)).toBe(1)
  })

  it('drops empty query values', () => {
    expect(withQuery('/api/jobs', { status: '', type: 'a b', cursor: undefined, limit: 5 })).toBe(
      '/api/jobs?type=a+b&limit=5',
    )
  })

  it('sends the bearer secret and a bounded limit', async () => {
    const fetchMock = respond(200, { items: [] })
    vi.stubGlobal('fetch', fetchMock)
    await createApi('tq_secret').jobs({ status: 'dead' }, { limit: 999, cursor: 'c1' })
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/jobs?status=dead&limit=200&cursor=c1')
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tq_secret')
  })

  it('unwraps the node list of /api/workers', async () => {
    vi.stubGlobal('fetch', respond(200, { nodes: [{ nodeId: 'n1', threads: [] }] }))
    const nodes = await createApi('tq_secret').workers()
    expect(nodes.map((n) => n.nodeId)).toEqual(['n1'])
  })

  it('turns problem+json into ApiError and reports 401', async () => {
    vi.stubGlobal(
      'fetch',
      respond(
        409,
        { title: 'Conflict', status: 409, detail: 'job finished' },
        'application/problem+json',
      ),
    )
    const onUnauthorized = vi.fn()
    const api = createApi('k', onUnauthorized)
    await expect(api.cancelJob('j1')).rejects.toMatchObject({
      status: 409,
      message: 'job finished',
    })
    expect(onUnauthorized).not.toHaveBeenCalled()

    vi.stubGlobal('fetch', respond(401, { title: 'Unauthorized', status: 401 }))
    await expect(api.me()).rejects.toBeInstanceOf(ApiError)
    expect(onUnauthorized).toHaveBeenCalledTimes(1)
  })
})
