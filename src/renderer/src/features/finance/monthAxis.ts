/**
 * The MRR chart's month axis: which months get a label, and which of those carry the year. A label
 * reads "Jul" with the year on a line below only where it starts or changes, so "Jul 26" is never
 * mistaken for the 26th of July.
 */

export interface MonthAxis {
  /** The months labelled, oldest first; the last month always is. */
  ticks: string[];
  /** The labelled months that show their year: the first, and each one in another year than the label before. */
  withYear: Set<string>;
}

/** Labels at most one month per `minGap` pixels, counted back from the last month so the latest is always named. */
export function monthAxis(months: readonly string[], width: number, minGap = 44): MonthAxis {
  const room = Math.max(1, Math.floor(width / minGap));
  const step = Math.max(1, Math.ceil(months.length / room));
  const last = months.length - 1;
  const ticks = months.filter((_, i) => (last - i) % step === 0);
  const withYear = new Set<string>();
  let year = '';
  for (const m of ticks) {
    if (m.slice(0, 4) !== year) withYear.add(m);
    year = m.slice(0, 4);
  }
  return { ticks, withYear };
}
