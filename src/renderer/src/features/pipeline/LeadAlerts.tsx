/**
 * The scorer's OPPORTUNITY alerts (a lead at 95 or more: assign the top closer)
 * as one line above the leads table: the hottest leads to open, a way to list
 * them all in the table, and to dismiss them.
 */
import { Sparkles, X } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../../../shared/money';
import { OPPORTUNITY_SCORE } from '../../../../shared/scoring';
import { toastError } from '../../app/actions';
import { api } from '../../app/api';
import { formatNumber } from '../../app/format';
import { Button } from '../../components/Button';
import { Badge } from '../../components/StatusBadge';
import { Tip } from '../../components/Tooltip';
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
  const [busy, setBusy] = useState(false);
  if (alerts.length === 0) return null;
  const named = alerts.slice(0, NAMED);
  const others = alerts.length - named.length;

  const showAll = () => {
    setFilter({ scoreMin: OPPORTUNITY_SCORE, scoreMax: undefined, stages: ['new', 'qualified', 'proposal'] });
    setSort({ column: 'score', direction: 'desc' });
  };
  const dismissAll = async () => {
    setBusy(true);
    const result = await api.call('alerts/dismiss', { ids: alerts.map((a) => a.id) });
    setBusy(false);
    if (!result.ok) toastError(result.error);
    onDismissed();
  };

  return (
    <section
      aria-label={t('alerts.label')}
      className="mb-3 flex h-10 items-center gap-3 rounded-[10px] border border-line bg-surface px-3"
      data-testid="lead-alerts"
    >
      <Badge tone="accent" icon={<Sparkles aria-hidden="true" />}>
        {t('alerts.opportunity')}
      </Badge>
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
              <Button
                variant="link"
                size="sm"
                className="min-w-0 max-w-[12rem] shrink! gap-1.5"
                onClick={() => onOpen(a.entityId)}
              >
                <span className="min-w-0 truncate">{company}</span>{' '}
                <span className="shrink-0 rounded-md border border-line px-1.5 text-[11px] font-semibold tabular-nums text-fg">
                  {formatNumber(Number(a.params.score), i18n.language, 0)}
                </span>
              </Button>
            </li>
          );
        })}
      </ul>
      {others > 0 ? (
        <span className="shrink-0 text-[12px] text-muted">
          {t('alerts.more', { count: others, n: formatNumber(others, i18n.language, 0) })}
        </span>
      ) : null}
      <div className="flex-1" />
      <Button variant="ghost" size="sm" onClick={showAll}>
        {t('alerts.showAll')}
      </Button>
      <Tip label={t('alerts.dismiss', { count: alerts.length })}>
        <Button
          variant="ghost"
          size="icon-sm"
          busy={busy}
          aria-label={t('alerts.dismiss', { count: alerts.length })}
          onClick={() => void dismissAll()}
        >
          <X />
        </Button>
      </Tip>
    </section>
  );
}
