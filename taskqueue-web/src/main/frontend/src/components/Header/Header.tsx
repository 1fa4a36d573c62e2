import type { EventFeed } from '../../hooks/useEventFeed'
import { hrefFor, type Route } from '../../hooks/useHashRoute'
import type { Me } from '../../services/types'
import { ConnectionIndicator } from '../ConnectionIndicator/ConnectionIndicator'
import './Header.css'

const LINKS: { path: string; label: string; pages: Route['page'][] }[] = [
  { path: '/', label: 'Overview', pages: ['overview'] },
  { path: '/workers', label: 'Workers', pages: ['workers'] },
  { path: '/jobs', label: 'Jobs', pages: ['jobs', 'job', 'workflow'] },
  { path: '/dead', label: 'Dead letters', pages: ['dead'] },
  { path: '/schedules', label: 'Schedules', pages: ['schedules'] },
  { path: '/feed', label: 'Live feed', pages: ['feed'] },
]

interface Props {
  route: Route
  me: Me
  feed: Pick<EventFeed, 'state' | 'nextRetryAt'>
  onSignOut: () => void
}

export function Header({ route, me, feed, onSignOut }: Props) {
  return (
    <header className="header">
      <a className="header__brand" href={hrefFor('/')}>
        taskqueue
      </a>
      <nav className="header__nav" aria-label="Main">
        <ul>
          {LINKS.map((link) => (
            <li key={link.path}>
              <a
                href={hrefFor(link.path)}
                aria-current={link.pages.includes(route.page) ? 'page' : undefined}
              >
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="header__side">
        <ConnectionIndicator state={feed.state} nextRetryAt={feed.nextRetryAt} />
        <span className="header__user" title={`signed in via ${me.via}`}>
          {me.name} <span className="header__roles">({me.roles.join(', ')})</span>
        </span>
        <button type="button" className="button button--ghost" onClick={onSignOut}>
          Sign out
        </button>
      </div>
    </header>
  )
}
