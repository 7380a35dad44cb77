/** Money grouped by the instants that share a local date, summed into the reporting currency. */
import type { Converter } from '../fx/engine';
import type { instantGroups } from './period';

/**
 * Adds amounts grouped per currency and instant group (`groups.sql(column)` as
 * `bucket`) to `total`, each at the rate in force on its group's local date;
 * null once a rate is missing. A group is converted as one sum, so a total can
 * differ by a cent or so from converting every record on its own.
 */
export function addGroups(
  converter: Converter,
  groups: ReturnType<typeof instantGroups>,
  parts: readonly { currency: string; bucket: string; valueMinor: number }[],
  total: number | null,
): number | null {
  let sum = total;
  for (const part of parts) {
    // The reporting currency needs no rate, nor its date.
    const value =
      part.currency === converter.reporting
        ? part.valueMinor
        : converter.toReporting(part.valueMinor, part.currency, groups.dateOf(part.bucket));
    sum = value === null || sum === null ? null : sum + value;
  }
  return sum;
}
