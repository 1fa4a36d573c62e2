// Rolling window of chart samples. A new sample is taken whenever `value` changes
// identity (i.e. a fresh poll result), and anything older than windowMs is dropped.
import { useEffect, useState } from 'react'

export const SAMPLE_WINDOW_MS = 5 * 60_000
// Hard cap in case of fast event-driven refreshes: 1/s for 5 min.
const MAX_SAMPLES = 300

export type Sample<S> = S & { t: number }

export function useSampleHistory<V, S extends object>(
  value: V | null,
  toSample: (value: V) => S,
  windowMs: number = SAMPLE_WINDOW_MS,
): Sample<S>[] {
  const [samples, setSamples] = useState<Sample<S>[]>([])

  useEffect(() => {
    if (value === null) return
    const t = Date.now()
    const sample = { ...toSample(value), t } as Sample<S>
    setSamples((prev) => {
      const kept = prev.filter((s) => s.t >= t - windowMs)
      kept.push(sample)
      return kept.slice(-MAX_SAMPLES)
    })
    // toSample is expected to be a pure module-level function.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value, windowMs])

  return samples
}
