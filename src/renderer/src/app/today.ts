/** Today as the core counts it: the date in the workspace's reporting time zone. */
import { localDate } from '../../../shared/dates';
import { systemTimeZone } from './format';
import { useApp } from './store';

/** Today in the workspace's reporting time zone (this device's until the settings arrive; UTC for a zone Intl lacks). */
export function useWorkspaceToday(): string {
  const timeZone = useApp((s) => s.settings?.timeZone) ?? systemTimeZone();
  try {
    return localDate(new Date(), timeZone);
  } catch {
    return localDate(new Date(), 'UTC');
  }
}
