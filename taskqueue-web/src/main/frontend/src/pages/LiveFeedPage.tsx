import { LiveFeed } from '../components/LiveFeed/LiveFeed'
import { useEvents } from '../hooks/useEvents'

export function LiveFeedPage() {
  const { subscribe } = useEvents()
  return (
    <>
      <h1>Live feed</h1>
      <LiveFeed subscribe={subscribe} />
    </>
  )
}
