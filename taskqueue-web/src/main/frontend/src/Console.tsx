// The signed-in shell: one API client, one event feed, header and routed page.
import { useCallback, useEffect, useMemo, useRef } from 'react'
import { Header } from './components/Header/Header'
import { useEventFeed } from './hooks/useEventFeed'
import { EventsContext } from './hooks/useEvents'
import { useHashRoute, type Route } from './hooks/useHashRoute'
import { SessionContext } from './hooks/useSession'
import { DeadLettersPage } from './pages/DeadLettersPage'
import { JobDetailPage } from './pages/JobDetailPage'
import { JobsPage } from './pages/JobsPage'
import { LiveFeedPage } from './pages/LiveFeedPage'
import { NotFoundPage } from './pages/NotFoundPage'
import { OverviewPage } from './pages/OverviewPage'
import { SchedulesPage } from './pages/SchedulesPage'
import { WorkersPage } from './pages/WorkersPage'
import { WorkflowPage } from './pages/WorkflowPage'
import { createApi } from './services/api'
import type { Me } from './services/types'

interface Props {
  secret: string
  me: Me
  onSignOut: () => void
}

function renderPage(route: Route) {
  switch (route.page) {
    case 'overview':
      return <OverviewPage />
    case 'workers':
      return <WorkersPage />
    case 'jobs':
      return <JobsPage />
    case 'job':
      return <JobDetailPage key={route.id} id={route.id} />
    case 'dead':
      return <DeadLettersPage />
    case 'schedules':
      return <SchedulesPage />
    case 'workflow':
      return <WorkflowPage key={route.id} id={route.id} />
    case 'feed':
      return <LiveFeedPage />
    case 'notfound':
      return <NotFoundPage path={route.path} />
  }
}

export function Console({ secret, me, onSignOut }: Props) {
  // A 401 anywhere means the key was revoked or the JWT expired: back to sign-in.
  const api = useMemo(() => createApi(secret, onSignOut), [secret, onSignOut])
  const getTicket = useCallback(() => api.wsTicket(), [api])
  const feed = useEventFeed({ getTicket })
  const route = useHashRoute()
  const session = useMemo(() => ({ api, me, signOut: onSignOut }), [api, me, onSignOut])
  const main = useRef<HTMLElement>(null)

  // Move focus to the new page so keyboard and screen-reader users land on it.
  const routeKey = JSON.stringify(route)
  const firstRender = useRef(true)
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false
      return
    }
    main.current?.focus()
  }, [routeKey])

  return (
    <SessionContext.Provider value={session}>
      <EventsContext.Provider value={feed}>
        <a
          className="skip-link"
          href="#main"
          onClick={(e) => {
            // A plain #main link would be read as a route by the hash router.
            e.preventDefault()
            main.current?.focus()
          }}
        >
          Skip to content
        </a>
        <Header route={route} me={me} feed={feed} onSignOut={onSignOut} />
        <main id="main" className="main" ref={main} tabIndex={-1}>
          {renderPage(route)}
        </main>
      </EventsContext.Provider>
    </SessionContext.Provider>
  )
}
