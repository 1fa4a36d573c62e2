import {
  CartesianGrid,
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

export interface ThroughputSample {
  throughput: number
}

export function ThroughputChart({ samples }: { samples: Sample<ThroughputSample>[] }) {
  return (
    <figure className="chart">
      <figcaption className="chart__title">Throughput, jobs/s (last minute, sampled)</figcaption>
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
            <YAxis width={48} tickFormatter={formatCompact} />
            <Tooltip labelFormatter={(t) => clockTick(Number(t))} />
            <Line
              dataKey="throughput"
              name="jobs/s"
              stroke="#10b981"
              dot={false}
              strokeWidth={2}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  )
}
