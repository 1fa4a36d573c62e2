import { hrefFor } from '../hooks/useHashRoute'

export function NotFoundPage({ path }: { path: string }) {
  return (
    <>
      <h1>Not found</h1>
      <p>
        Nothing lives at <code>{path}</code>. <a href={hrefFor('/')}>Back to the overview</a>.
      </p>
    </>
  )
}
