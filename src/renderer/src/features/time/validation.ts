/**
 * Field messages for assignments and holidays: the shared schemas' sentences
 * about hours and holiday names in the chosen language; everything else
 * (dates, lengths) through the app's own table.
 */
import type { z } from 'zod';
import { HOLIDAY_YEARS } from '../../../../shared/capacity-schemas';
import i18n from '../../app/i18n';
import { issueMessage } from '../../app/validation';

const RULES: {
  re: RegExp;
  key: 'plannedNumber' | 'plannedPositive' | 'plannedMax' | 'holidayName' | 'holidayYears';
}[] = [
  { re: /^Planned hours must be a number\.$/, key: 'plannedNumber' },
  { re: /^Planned hours (cannot be negative|must be more than 0)\.$/, key: 'plannedPositive' },
  { re: /^Planned hours can be at most/, key: 'plannedMax' },
  { re: /^Name the holiday\.$/, key: 'holidayName' },
  { re: /^Pick a day between \d+ and \d+\.$/, key: 'holidayYears' },
];

export function timeIssueMessage(issue: z.core.$ZodIssue): string {
  const rule = RULES.find((r) => r.re.test(issue.message));
  if (rule) return i18n.t(`validation.${rule.key}`, { ns: 'time', ...HOLIDAY_YEARS });
  // A number field left empty or with text arrives as NaN / a string.
  if (issue.code === 'invalid_type' && issue.path[0] === 'plannedHours')
    return i18n.t('validation.plannedNumber', { ns: 'time' });
  return issueMessage(issue);
}
