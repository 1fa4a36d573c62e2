// Shared by the charts: x-axis ticks are wall-clock times, on a 24-hour clock so that no
// "AM"/"PM" widens them past the room a narrow chart has between ticks.
export function clockTick(t: number): string {
  return new Date(t).toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  })
}

// Room kept between x-axis labels: recharts drops the ticks that would come closer.
export const TICK_GAP = 24
