import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { formatCompact } from '../../lib/format'
import type { Sample } from '../../hooks/useSampleHistory'
import { clockTick, TICK_GAP } from '../../lib/chart'
import '../../styles/chart.css'

export interface DepthSample {
  high: number
  medium: number
  low: number
}

// Fixed mid-tone colours read well on both the light and dark theme.
const SERIES: { key: keyof DepthSample; colour: string }[] = [
  { key: 'high', colour: '#e5484d' },
  { key: 'medium', colour: '#f5a524' },
  { key: 'low', colour: '#3b82f6' },
]

export function QueueDepthChart({ samples }: { samples: Sample<DepthSample>[] }) {
  return (
    <figure className="chart">
      <figcaption className="chart__title">Waiting jobs by priority (last 5 min)</figcaption>
      <div className="chart__body">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={samples} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
            <XAxis
              dataKey="t"
              type="number"
              domain={['dataMin', 'dataMax']}
              tickFormatter={clockTick}
              minTickGap={TICK_GAP}
              scale="time"
            />
            <YAxis allowDecimals={false} width={48} tickFormatter={formatCompact} />
            <Tooltip labelFormatter={(t) => clockTick(Number(t))} />
            <Legend />
            {SERIES.map((s) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.key}
                stroke={s.colour}
                dot={false}
                strokeWidth={2}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  )
}
