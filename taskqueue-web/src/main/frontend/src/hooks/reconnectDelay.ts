// Exponential backoff with jitter: 1 s, 2 s, 4 s ... capped at 30 s, each ±20 %.
// Jitter spreads reconnects out so a server restart is not hit by every console at once.

export const BASE_DELAY_MS = 1000
export const MAX_DELAY_MS = 30_000
export const JITTER = 0.2

/**
 * @param attempt 0 for the first retry after a drop
 * @param random a number in [0, 1), normally Math.random(); injected for tests
 */
export function delay(attempt: number, random: number): number {
  const base = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempt))
  return base * (1 + (random * 2 - 1) * JITTER)
}
