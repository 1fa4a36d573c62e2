import './Pager.css'

interface Props {
  /** True when not on the first page. Keyset pages cannot go "back", only restart. */
  canGoFirst: boolean
  hasNext: boolean
  onFirst: () => void
  onNext: () => void
  shown: number
}

export function Pager({ canGoFirst, hasNext, onFirst, onNext, shown }: Props) {
  return (
    <nav className="pager" aria-label="Pagination">
      <span className="pager__info">{shown} shown</span>
      <button type="button" className="button" onClick={onFirst} disabled={!canGoFirst}>
        First page
      </button>
      <button type="button" className="button" onClick={onNext} disabled={!hasNext}>
        Next
      </button>
    </nav>
  )
}
