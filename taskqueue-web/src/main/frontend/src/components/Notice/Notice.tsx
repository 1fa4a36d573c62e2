import type { ReactNode } from 'react'
import './Notice.css'

interface Props {
  kind: 'error' | 'info'
  children: ReactNode
}

/** Errors use role=alert so they are announced; info messages are polite. */
export function Notice({ kind, children }: Props) {
  return (
    <div className={`notice notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  )
}
