import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, appRoot, clampLimit, createApi, withQuery } from './api'

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

  it('finds the application under any context root', () => {
    expect(appRoot('/')).toBe('')
    expect(appRoot('/index.html')).toBe('')
    expect(appRoot('/orders/')).toBe('/orders')
    expect(appRoot('/shop/orders/index.html')).toBe('/shop/orders')
  })

  it('takes the root the server wrote into the page, wherever the console is served', () => {
    const page = document.implementation.createHTMLDocument('console')
    const meta = page.createElement('meta')
    meta.name = 'taskqueue-root'
    meta.content = '__TASKQUEUE_ROOT__'
    page.head.append(meta)
    expect(appRoot('/orders/', page)).toBe('/orders')
    meta.content = '/shop'
    expect(appRoot('/shop/admin/jobs/', page)).toBe('/shop')
    meta.content = ''
    expect(appRoot('/admin/jobs/', page)).toBe('')
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

  it('reads a workflow page after page until the last', async () => {
    const member = (id: string) => ({ id, type: 't', status: 'queued', parents: [] })
    const pages = [
      { id: 'w', statuses: { queued: 3 }, jobs: [member('a'), member('b')], nextCursor: 'b' },
      { id: 'w', statuses: { queued: 3 }, jobs: [member('c')] },
    ]
    const fetchMock = vi.fn(() =>
      Promise.resolve(
        new Response(JSON.stringify(pages.shift()), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        }),
      ),
    )
    vi.stubGlobal('fetch', fetchMock)
    const workflow = await createApi('k').workflow('w')
    expect(workflow.jobs.map((j) => j.id)).toEqual(['a', 'b', 'c'])
    const urls = fetchMock.mock.calls.map((c) => (c as unknown as [string])[0])
    expect(urls).toEqual(['/api/workflows/w', '/api/workflows/w?after=b'])
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
