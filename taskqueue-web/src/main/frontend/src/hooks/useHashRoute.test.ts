import { describe, expect, it } from 'vitest'
import { parseHash } from './useHashRoute'

describe('parseHash', () => {
  it('maps the known routes', () => {
    expect(parseHash('')).toEqual({ page: 'overview' })
    expect(parseHash('#/')).toEqual({ page: 'overview' })
    expect(parseHash('#/workers')).toEqual({ page: 'workers' })
    expect(parseHash('#/jobs')).toEqual({ page: 'jobs' })
    expect(parseHash('#/jobs/abc%2F1')).toEqual({ page: 'job', id: 'abc/1' })
    expect(parseHash('#/dead')).toEqual({ page: 'dead' })
    expect(parseHash('#/schedules')).toEqual({ page: 'schedules' })
    expect(parseHash('#/feed')).toEqual({ page: 'feed' })
  })

  it('reports unknown paths', () => {
    expect(parseHash('#/nope')).toEqual({ page: 'notfound', path: '/nope' })
  })
})
