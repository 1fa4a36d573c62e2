import { useState, type FormEvent } from 'react'
import { Notice } from '../components/Notice/Notice'
import { ApiError, createApi, errorMessage } from '../services/api'
import type { Me } from '../services/types'
import './SignInPage.css'

interface Props {
  onSignedIn: (secret: string, me: Me) => void
}

export function SignInPage({ onSignedIn }: Props) {
  const [secret, setSecret] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const key = secret.trim()
    if (!key) return
    setBusy(true)
    setError(null)
    try {
      // /api/me both validates the key and tells us which actions to offer.
      const me = await createApi(key).me()
      onSignedIn(key, me)
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 401
          ? 'Key refused'
          : `Could not sign in: ${errorMessage(err)}`,
      )
      setBusy(false)
    }
  }

  return (
    <main className="signin">
      <form className="signin__form" onSubmit={(e) => void submit(e)}>
        <h1>taskqueue</h1>
        <p className="signin__hint">
          Sign in with an API key (tq_…) or a JWT. It is kept in memory only: reloading the page
          signs you out.
        </p>
        <label htmlFor="secret">API key or token</label>
        <input
          id="secret"
          name="secret"
          type="password"
          autoComplete="off"
          spellCheck={false}
          required
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
        />
        {error && <Notice kind="error">{error}</Notice>}
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </main>
  )
}
