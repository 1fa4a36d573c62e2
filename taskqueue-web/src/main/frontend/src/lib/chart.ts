// Shared by the charts: x-axis ticks are wall-clock times.
export function clockTick(t: number): string {
  return new Date(t).toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  })
}
