// Display helpers. Pure so they are trivial to test and cheap to call per render.

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'always' })

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
]

export function toMillis(time: string | number): number {
  return typeof time === 'number' ? time : Date.parse(time)
}

/** "2 minutes ago"; "just now" under 10 s, matching the feed's 10 s re-render. */
export function formatRelative(time: string | number, now: number): string {
  const ms = toMillis(time)
  if (!Number.isFinite(ms)) return '—'
  const diff = ms - now
  if (Math.abs(diff) < 10_000) return 'just now'
  for (const [unit, size] of UNITS) {
    if (Math.abs(diff) >= size) return relative.format(Math.trunc(diff / size), unit)
  }
  return 'just now'
}

/** Compact duration: 850 ms, 12.3 s, 4m 05s, 3h 12m, 2d 4h. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—'
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`
  const s = Math.floor(ms / 1000)
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`
  if (s < 86_400) return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`
  return `${Math.floor(s / 86_400)}d ${Math.floor((s % 86_400) / 3600)}h`
}

/** Success rates arrive as a fraction (0..1); tolerate a percentage just in case. */
export function formatPercent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—'
  const pct = rate <= 1 ? rate * 100 : rate
  return `${pct.toFixed(pct >= 99.95 || pct === 0 ? 0 : 1)} %`
}

export function formatNumber(n: number | null | undefined, digits = 0): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—'
  return n.toLocaleString('en', { maximumFractionDigits: digits })
}

export function formatTimestamp(time: string | null | undefined): string {
  if (!time) return '—'
  const d = new Date(time)
  return Number.isNaN(d.getTime()) ? time : d.toLocaleString()
}

export function formatJson(value: unknown): string {
  if (value === undefined) return '—'
  if (typeof value === 'string') return value
  try {
    return JSON.stringify(value, null, 2)
  } catch {
    return String(value)
  }
}

/** Axis labels: 950, 12k, 3.4M, so that ticks stay short at any volume. */
export function formatCompact(n: number): string {
  // Below 1, a second decimal keeps neighbouring ticks (0.15 and 0.2) apart.
  const digits = Math.abs(n) < 1 ? 2 : 1
  return new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: digits }).format(
    n,
  )
}
