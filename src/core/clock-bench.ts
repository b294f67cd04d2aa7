// Throughput of the legal clock's hot path: `dueAt` for working-day terms, the computation the case
// list and every SLA report repeat for each open case.
import { WorkingCalendar } from './calendar.ts';
import { dueAt } from './clock.ts';
import type { Duration, WeekdayHours } from './regulation.ts';

/**
 * Runs `n` `dueAt` computations (working-day terms of 1–30 days from anchors spread over
 * 2024–2026 at all hours) and returns computations per second. The calendar years involved are
 * built and the code warmed up before timing, so the figure is the steady state.
 */
export function benchClock(n: number): number {
  const cal = WorkingCalendar.kz();
  const hours: WeekdayHours = { days: [1, 2, 3, 4, 5], open: '09:00', close: '18:30', break: { from: '13:00', to: '14:30' } };
  const from = Date.UTC(2024, 0, 1);
  const span = Date.UTC(2026, 11, 1) - from;
  const K = 4096;
  const anchors: Date[] = [];
  const terms: Duration[] = [];
  // A fixed linear congruential sequence: varied inputs, identical from run to run.
  let seed = 12345;
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let i = 0; i < K; i++) {
    anchors.push(new Date(from + Math.floor(rnd() * span)));
    terms.push({ amount: 1 + Math.floor(rnd() * 30), unit: 'working_days' });
  }
  let sink = 0;
  const run = (count: number) => {
    for (let i = 0; i < count; i++) sink += dueAt(anchors[i & (K - 1)]!, terms[i & (K - 1)]!, hours, cal).getTime() & 1;
  };
  run(Math.min(n, 50_000));
  const t0 = performance.now();
  run(n);
  const seconds = (performance.now() - t0) / 1000;
  if (sink < 0) throw new Error('unreachable');
  return Math.round(n / Math.max(seconds, 1e-9));
}
