/**
 * The capacity alerts (ATTENTION) as one line above the board: the people
 * above 100% over the coming seven days, most loaded first (each one a link
 * to their row, opened to show their assignments), and the team's load when it
 * is at or over the 85% warning line. Dismissing hides them until the
 * condition clears and comes back.
 */
import { TriangleAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { WARNING_UTILIZATION } from '../../../../shared/capacity';
import type { Alert } from '../../../../shared/money';
import { formatNumber, formatPercent, formatPercentPoints } from '../../app/format';
import { AlertLink, AlertStrip } from '../../components/AlertStrip';
import { Badge } from '../../components/StatusBadge';
import { alertLoad as load } from './model';
import { toggleExpanded } from './store';

/** People named on the line (one fewer when the team's load shares it); the rest are counted. */
const NAMED = 3;

/** Brings a person's row into view with their assignments open, and puts the keyboard on it. */
function showPerson(personId: number) {
  toggleExpanded(personId, true);
  requestAnimationFrame(() => {
    const row = document.querySelector<HTMLElement>(`tr[data-testid="capacity-person"][data-person-id="${personId}"]`);
    row?.scrollIntoView({ block: 'center' });
    row?.querySelector<HTMLElement>('button')?.focus({ preventScroll: true });
  });
}

export function CapacityAlerts({
  people,
  team,
  onDismissed,
}: {
  people: Alert[];
  team: Alert | null;
  onDismissed: () => void;
}) {
  const { t, i18n } = useTranslation('capacity');
  const lang = i18n.language;
  if (people.length === 0 && team === null) return null;
  const named = people.slice(0, team ? NAMED - 1 : NAMED);
  const others = people.length - named.length;
  const all = team ? [...people, team] : people;

  return (
    <AlertStrip
      label={t('alerts.label')}
      badge={
        <Badge tone="warning" icon={<TriangleAlert aria-hidden="true" />}>
          {t('alerts.attention')}
        </Badge>
      }
      ids={all.map((a) => a.id)}
      dismissLabel={t('alerts.dismiss', { count: all.length })}
      onDismissed={onDismissed}
      // The band goes with the button that had focus: the board's first person takes it.
      focusAfterDismiss={() => document.querySelector<HTMLElement>('tr[data-testid="capacity-person"] button')}
      className="min-h-10 flex-wrap gap-x-3 gap-y-1 py-1.5"
      testId="capacity-alerts"
    >
      {people.length > 0 ? (
        <>
          <p className="shrink-0 text-[13px] text-fg">
            {t('alerts.overloaded', { count: people.length, n: formatNumber(people.length, lang, 0) })}
          </p>
          <ul className="flex min-w-0 items-center gap-3">
            {named.map((a) => (
              <li key={a.id} className="flex min-w-0">
                <AlertLink
                  name={String(a.params.personName ?? '')}
                  figure={formatPercentPoints(load(a), lang)}
                  tone="danger"
                  className="max-w-[14rem]"
                  onClick={() => showPerson(a.entityId)}
                />
              </li>
            ))}
          </ul>
          {others > 0 ? (
            <span className="shrink-0 text-[12px] text-muted">
              {t('alerts.more', { count: others, n: formatNumber(others, lang, 0) })}
            </span>
          ) : null}
        </>
      ) : null}
      {team ? (
        // Beside the people it is a short aside; alone it says which days it means.
        <p className="shrink-0 text-[13px] text-fg" data-testid="capacity-alert-team">
          {people.length > 0 ? <span className="mr-3 text-faint">·</span> : null}
          {t(people.length > 0 ? 'alerts.teamAlso' : 'alerts.team', {
            value: formatPercentPoints(load(team), lang),
            line: formatPercent(WARNING_UTILIZATION, lang),
          })}
        </p>
      ) : null}
    </AlertStrip>
  );
}
