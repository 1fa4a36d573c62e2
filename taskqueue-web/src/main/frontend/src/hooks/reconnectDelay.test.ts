import { describe, expect, it } from 'vitest'
import { delay } from './reconnectDelay'

// random = 0.5 means "no jitter": (0.5 * 2 - 1) * 0.2 = 0
const NO_JITTER = 0.5

describe('reconnect delay', () => {
  it('starts at 1 s and doubles', () => {
    expect([0, 1, 2, 3, 4].map((a) => delay(a, NO_JITTER))).toEqual([1000, 2000, 4000, 8000, 16000])
  })

  it('caps at 30 s', () => {
    expect(delay(5, NO_JITTER)).toBe(30_000)
    expect(delay(6, NO_JITTER)).toBe(30_000)
    expect(delay(50, NO_JITTER)).toBe(30_000)
  })

  it('keeps jitter within ±20 %', () => {
    expect(delay(0, 0)).toBeCloseTo(800)
    expect(delay(0, 0.999999)).toBeLessThanOrEqual(1200)
    expect(delay(0, 0.999999)).toBeGreaterThan(1199)
    expect(delay(10, 0)).toBeCloseTo(24_000)
    expect(delay(10, 0.999999)).toBeLessThanOrEqual(36_000)
    for (let attempt = 0; attempt < 12; attempt++) {
      const base = delay(attempt, NO_JITTER)
      for (let i = 0; i <= 100; i++) {
        const d = delay(attempt, i / 101)
        expect(d).toBeGreaterThanOrEqual(base * 0.8 - 1e-9)
        expect(d).toBeLessThanOrEqual(base * 1.2 + 1e-9)
      }
    }
  })

  it('treats a negative attempt like the first', () => {
    expect(delay(-3, NO_JITTER)).toBe(1000)
  })
})
