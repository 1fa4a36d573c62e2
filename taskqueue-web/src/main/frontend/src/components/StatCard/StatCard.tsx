import './StatCard.css'

interface Props {
  label: string
  value: string
  hint?: string
  tone?: 'ok' | 'warn' | 'bad'
}

export function StatCard({ label, value, hint, tone }: Props) {
  return (
    <div className={tone ? `stat stat--${tone}` : 'stat'}>
      <div className="stat__label">{label}</div>
      <div className="stat__value">{value}</div>
      {hint && <div className="stat__hint">{hint}</div>}
    </div>
  )
}
