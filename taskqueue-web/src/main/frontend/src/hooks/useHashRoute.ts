// A few hash routes do not justify a router library. Hash routing also means the
// Java server only has to serve index.html at '/'.
import { useSyncExternalStore } from 'react'

export type Route =
  | { page: 'overview' }
  | { page: 'workers' }
  | { page: 'jobs' }
  | { page: 'job'; id: string }
  | { page: 'dead' }
  | { page: 'schedules' }
  | { page: 'workflow'; id: string }
  | { page: 'feed' }
  | { page: 'notfound'; path: string }

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/'
  const parts = path.split('/').filter(Boolean)
  if (parts.length === 0) return { page: 'overview' }
  const [first, second] = parts
  if (parts.length === 1) {
    if (first === 'workers') return { page: 'workers' }
    if (first === 'jobs') return { page: 'jobs' }
    if (first === 'dead') return { page: 'dead' }
    if (first === 'schedules') return { page: 'schedules' }
    if (first === 'feed') return { page: 'feed' }
  }
  if (parts.length === 2 && first === 'jobs' && second) {
    return { page: 'job', id: decodeURIComponent(second) }
  }
  if (parts.length === 2 && first === 'workflows' && second) {
    return { page: 'workflow', id: decodeURIComponent(second) }
  }
  return { page: 'notfound', path }
}

export function hrefFor(path: string): string {
  return `#${path}`
}

export function jobHref(id: string): string {
  return hrefFor(`/jobs/${encodeURIComponent(id)}`)
}

export function workflowHref(id: string): string {
  return hrefFor(`/workflows/${encodeURIComponent(id)}`)
}

export function navigate(path: string): void {
  window.location.hash = path
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

export function useHashRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash)
  return parseHash(hash)
}
