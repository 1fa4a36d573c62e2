// The signed-in identity and its API client. Held in React state only: the secret
// is never written to storage, so closing the tab or signing out forgets it.
import { createContext, useContext } from 'react'
import type { Api } from '../services/api'
import type { Me } from '../services/types'

export interface SessionValue {
  me: Me
  api: Api
  signOut: () => void
}

export const SessionContext = createContext<SessionValue | null>(null)

export function useSession(): SessionValue {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession must be used inside SessionContext')
  return session
}

/** Roles arrive expanded, but checking admin too costs nothing if that ever changes. */
export function canOperate(me: Me): boolean {
  return me.roles.includes('operator') || me.roles.includes('admin')
}

/** Changing retention is the admin's alone (the server enforces it; this hides the form). */
export function isAdmin(me: Me): boolean {
  return me.roles.includes('admin')
}
