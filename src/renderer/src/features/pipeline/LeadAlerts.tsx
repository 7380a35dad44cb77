/**
 * The scorer's OPPORTUNITY alerts (a lead at 95 or more: assign the top closer)
 * as one line above the leads table: the hottest leads to open, a way to list
 * them all in the table, and to dismiss them.
 */
import { Sparkles } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../../../shared/money';
import { OPPORTUNITY_SCORE } from '../../../../shared/scoring';
import { formatNumber } from '../../app/format';
import { AlertLink, AlertStrip } from '../../components/AlertStrip';
import { Button } from '../../components/Button';
import { Badge } from '../../components/StatusBadge';
import { setFilter, setSort } from './viewState';

/** Leads named on the line; the rest are counted. */
const NAMED = 2;

/** The open lead alerts in the top bar's hub (alerts raised before hubs were recorded show everywhere), hottest first. */
export function leadAlertsIn(alerts: readonly Alert[], hubFilter: 'all' | number): Alert[] {
  return alerts
    .filter((a) => a.rule === 'lead_priority' && a.entity === 'lead')
    .filter((a) => hubFilter === 'all' || a.params.hubId == null || a.params.hubId === hubFilter)
    .sort((a, b) => Number(b.params.score ?? 0) - Number(a.params.score ?? 0) || a.entityId - b.entityId);
}

/** The lead's open OPPORTUNITY alert, if it has one. */
export function opportunityOf(alerts: readonly Alert[] | null, leadId: number | null): Alert | null {
  return alerts?.find((a) => a.rule === 'lead_priority' && a.entity === 'lead' && a.entityId === leadId) ?? null;
}

/** The OPPORTUNITY badge, as the alerts line shows it. */
export function OpportunityBadge() {
  const { t } = useTranslation('pipeline');
  return (
    <Badge tone="accent" icon={<Sparkles aria-hidden="true" />}>
      {t('alerts.opportunity')}
    </Badge>
  );
}

/** In a lead's sheet, beside its score: its OPPORTUNITY alert is open, and what it asks. */
export function OpportunityCallout() {
  const { t } = useTranslation('pipeline');
  return (
    <div
      role="note"
      data-testid="opportunity-callout"
      className="mb-3 flex items-start gap-2 rounded-md border border-accent-text/20 bg-accent-soft/60 px-2.5 py-2"
    >
      <OpportunityBadge />
      <p className="min-w-0 text-[12.5px] leading-5 text-fg">{t('alerts.callout', { score: OPPORTUNITY_SCORE })}</p>
    </div>
  );
}

export function LeadAlerts({
  alerts,
  onOpen,
  onDismissed,
}: {
  alerts: Alert[];
  onOpen: (leadId: number) => void;
  onDismissed: () => void;
}) {
  const { t, i18n } = useTranslation('pipeline');
  if (alerts.length === 0) return null;
  const named = alerts.slice(0, NAMED);
  const others = alerts.length - named.length;

  const showAll = () => {
    setFilter({ scoreMin: OPPORTUNITY_SCORE, scoreMax: undefined, stages: ['new', 'qualified', 'proposal'] });
    setSort({ column: 'score', direction: 'desc' });
  };

  return (
    <AlertStrip
      label={t('alerts.label')}
      badge={<OpportunityBadge />}
      ids={alerts.map((a) => a.id)}
      dismissLabel={t('alerts.dismiss', { count: alerts.length })}
      onDismissed={onDismissed}
      // The band goes with the button that had focus: the table's current row takes it.
      focusAfterDismiss={() => document.querySelector<HTMLElement>('[data-testid="leads-scroll"] tr[tabindex="0"]')}
      className="mb-3 h-10"
      testId="lead-alerts"
    >
      <p className="shrink-0 text-[13px] text-fg">
        {t('alerts.sentence', {
          count: alerts.length,
          n: formatNumber(alerts.length, i18n.language, 0),
          score: OPPORTUNITY_SCORE,
        })}
      </p>
      <ul className="flex min-w-0 items-center gap-3 overflow-hidden">
        {named.map((a, i) => {
          const company = String(a.params.company ?? '');
          return (
            // The hottest keeps its whole name; the next one gives way (ellipsis) when the line is short.
            <li key={a.id} className={i === 0 ? 'flex shrink-0' : 'flex min-w-0'}>
              <AlertLink
                name={company}
                figure={formatNumber(Number(a.params.score), i18n.language, 0)}
                className="max-w-[12rem]"
                onClick={() => onOpen(a.entityId)}
              />
            </li>
          );
        })}
      </ul>
      {others > 0 ? (
        <span className="shrink-0 text-[12px] text-muted">
          {t('alerts.more', { count: others, n: formatNumber(others, i18n.language, 0) })}
        </span>
      ) : null}
      <Button variant="ghost" size="sm" className="ml-auto" onClick={showAll}>
        {t('alerts.showAll')}
      </Button>
    </AlertStrip>
  );
}
