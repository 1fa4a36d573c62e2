import { useCallback, useState } from 'react'
import { Console } from './Console'
import { SignInPage } from './pages/SignInPage'
import type { Me } from './services/types'

interface SignedIn {
  secret: string
  me: Me
}

/** The secret lives only in this state: never in storage, gone on sign-out or reload. */
export function App() {
  const [auth, setAuth] = useState<SignedIn | null>(null)
  const signOut = useCallback(() => setAuth(null), [])

  if (!auth) return <SignInPage onSignedIn={(secret, me) => setAuth({ secret, me })} />
  return <Console secret={auth.secret} me={auth.me} onSignOut={signOut} />
}
