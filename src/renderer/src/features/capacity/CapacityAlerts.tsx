/**
 * The capacity alerts (ATTENTION) as one line above the board: the people
 * above 100% over the coming seven days, most loaded first (each one a link
 * to their row, opened to show their assignments), and the team's load when it
 * is at or over the 85% warning line. Dismissing hides them until the
 * condition clears and comes back.
 */
import { TriangleAlert, X } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WARNING_UTILIZATION } from '../../../../shared/capacity';
import type { Alert } from '../../../../shared/money';
import { toastError } from '../../app/actions';
import { api } from '../../app/api';
import { formatNumber, formatPercent, formatPercentPoints } from '../../app/format';
import { Button } from '../../components/Button';
import { Badge } from '../../components/StatusBadge';
import { Tip } from '../../components/Tooltip';
import { toggleExpanded } from './store';

/** People named on the line (one fewer when the team's load shares it); the rest are counted. */
const NAMED = 3;

const load = (a: Alert) => Number(a.params.utilizationPct ?? 0);

/** The open capacity alerts that concern the people on the board (and the team's, when the board shows everyone). */
export function capacityAlertsFor(
  people: readonly Alert[],
  team: readonly Alert[],
  shown: ReadonlySet<number>,
  allHubs: boolean,
) {
  return {
    people: people
      .filter((a) => a.rule === 'person_overloaded' && shown.has(a.entityId))
      .sort((a, b) => load(b) - load(a) || a.entityId - b.entityId),
    team: allHubs ? (team.find((a) => a.rule === 'team_utilization_high') ?? null) : null,
  };
}

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
  const [busy, setBusy] = useState(false);
  if (people.length === 0 && team === null) return null;
  const named = people.slice(0, team ? NAMED - 1 : NAMED);
  const others = people.length - named.length;
  const all = team ? [...people, team] : people;

  const dismiss = async () => {
    setBusy(true);
    const result = await api.call('alerts/dismiss', { ids: all.map((a) => a.id) });
    setBusy(false);
    if (!result.ok) {
      toastError(result.error);
      return;
    }
    // The strip goes with the button that had focus: the board's first person takes it.
    document.querySelector<HTMLElement>('tr[data-testid="capacity-person"] button')?.focus();
    onDismissed();
  };

  return (
    <section
      aria-label={t('alerts.label')}
      className="flex min-h-10 flex-wrap items-center gap-x-3 gap-y-1 rounded-[10px] border border-line bg-surface px-3 py-1.5"
      data-testid="capacity-alerts"
    >
      <Badge tone="warning" icon={<TriangleAlert aria-hidden="true" />}>
        {t('alerts.attention')}
      </Badge>
      {people.length > 0 ? (
        <>
          <p className="shrink-0 text-[13px] text-fg">
            {t('alerts.overloaded', { count: people.length, n: formatNumber(people.length, lang, 0) })}
          </p>
          <ul className="flex min-w-0 items-center gap-3">
            {named.map((a) => (
              <li key={a.id} className="flex min-w-0">
                <Button
                  variant="link"
                  size="sm"
                  className="min-w-0 max-w-[14rem] shrink! gap-1.5"
                  onClick={() => showPerson(a.entityId)}
                >
                  <span className="min-w-0 truncate">{String(a.params.personName ?? '')}</span>{' '}
                  <span className="shrink-0 rounded-md border border-danger-text/30 px-1.5 text-[11px] font-semibold tabular-nums text-danger-text">
                    {formatPercentPoints(load(a), lang)}
                  </span>
                </Button>
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
      <div className="flex-1" />
      <Tip label={t('alerts.dismiss', { count: all.length })}>
        <Button
          variant="ghost"
          size="icon-sm"
          busy={busy}
          aria-label={t('alerts.dismiss', { count: all.length })}
          onClick={() => void dismiss()}
        >
          <X />
        </Button>
      </Tip>
    </section>
  );
}
