import { describe, expect, it } from 'vitest'
import { formatCompact, formatDuration, formatPercent, formatRelative } from './format'

describe('formatRelative', () => {
  const now = Date.parse('2026-01-01T12:00:00Z')

  it('says "2 minutes ago"', () => {
    expect(formatRelative('2026-01-01T11:58:00Z', now)).toBe('2 minutes ago')
  })

  it('says "just now" under 10 s and handles bad input', () => {
    expect(formatRelative(now - 5000, now)).toBe('just now')
    expect(formatRelative('not a date', now)).toBe('—')
  })

  it('uses hours and days', () => {
    expect(formatRelative(now - 3 * 3_600_000, now)).toBe('3 hours ago')
    expect(formatRelative(now - 2 * 86_400_000, now)).toBe('2 days ago')
  })
})

describe('formatDuration and formatPercent', () => {
  it('formats durations compactly', () => {
    expect(formatDuration(850)).toBe('850 ms')
    expect(formatDuration(12_300)).toBe('12.3 s')
    expect(formatDuration(245_000)).toBe('4m 05s')
    expect(formatDuration(null)).toBe('—')
  })

  it('treats rates as fractions', () => {
    expect(formatPercent(0.953)).toBe('95.3 %')
    expect(formatPercent(1)).toBe('100 %')
    expect(formatPercent(undefined)).toBe('—')
  })

  it('keeps axis labels short at any volume', () => {
    expect(formatCompact(950)).toBe('950')
    expect(formatCompact(20000)).toBe('20K')
    expect(formatCompact(3_400_000)).toBe('3.4M')
    expect(formatCompact(0.15)).toBe('0.15')
    expect(formatCompact(0.2)).toBe('0.2')
  })
})
