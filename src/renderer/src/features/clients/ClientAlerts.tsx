import { ChevronDown, ChevronUp, Sparkles, TriangleAlert, X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../../../shared/money';
import { toastError } from '../../app/actions';
import { api } from '../../app/api';
import { formatNumber } from '../../app/format';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { Badge } from '../../components/StatusBadge';
import { Tip } from '../../components/Tooltip';

const SHOWN = 2;
/** Opened, the strip grows by this many: at scale a client list raises thousands of alerts. */
const STEP = 50;

/** The client rules' alerts (shared alerts table): at risk → ATTENTION, upsell → OPPORTUNITY. */
export function isClientAlert(a: Alert): boolean {
  return a.entity === 'client' && (a.rule === 'client_at_risk' || a.rule === 'client_upsell');
}

function useAlertSentence() {
  const { t, i18n } = useTranslation('clients');
  return (a: Alert): string => {
    const name = String(a.params.clientName ?? '');
    if (a.rule === 'client_at_risk')
      return t('alerts.atRisk', { name, score: formatNumber(Number(a.params.score ?? 0), i18n.language, 0) });
    const count = Number(a.params.deliveredLast90Days ?? a.params.deliveredLast180Days ?? 0);
    return t('alerts.upsell', { name, count, deliveries: formatNumber(count, i18n.language, 0) });
  };
}

/** A strip of the open client alerts with a way to open the client and to dismiss the alert. */
export function ClientAlerts({
  alerts,
  onOpen,
  onDismissed,
}: {
  alerts: Alert[];
  onOpen: (clientId: number) => void;
  onDismissed: () => void;
}) {
  const { t, i18n } = useTranslation('clients');
  const sentence = useAlertSentence();
  const [limit, setLimit] = useState(SHOWN);
  const list = useRef<HTMLUListElement>(null);
  // After "Show more", focus moves to the first new alert's button (the footer may be gone once all are shown).
  const focusFrom = useRef<number | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once the new alerts are on screen.
  useEffect(() => {
    const from = focusFrom.current;
    if (from === null) return;
    focusFrom.current = null;
    list.current?.children[from]?.querySelector<HTMLElement>('button')?.focus();
  }, [limit]);
  const [busy, setBusy] = useState<number | null>(null);
  if (alerts.length === 0) return null;
  const shown = alerts.slice(0, limit);
  const expanded = limit > SHOWN;
  const more = Math.min(STEP, alerts.length - limit);
  const n = (value: number) => formatNumber(value, i18n.language, 0);

  const dismiss = async (a: Alert) => {
    setBusy(a.id);
    const result = await api.call('alerts/dismiss', { ids: [a.id] });
    setBusy(null);
    if (!result.ok) toastError(result.error);
    onDismissed();
  };

  return (
    <Card className="mb-4" aria-labelledby="client-alerts-title" data-testid="client-alerts">
      <div className="flex h-10 items-center justify-between gap-3 border-b border-line px-4">
        <h2 id="client-alerts-title" className="text-[13px] font-semibold text-fg">
          {t('alerts.title', { count: alerts.length, n: formatNumber(alerts.length, i18n.language, 0) })}
        </h2>
        {alerts.length > SHOWN ? (
          <Button
            variant="ghost"
            size="sm"
            aria-expanded={expanded}
            icon={expanded ? <ChevronUp /> : <ChevronDown />}
            onClick={() => setLimit(expanded ? SHOWN : alerts.length <= STEP ? alerts.length : SHOWN + STEP)}
          >
            {expanded
              ? t('alerts.showFewer')
              : alerts.length <= STEP
                ? t('alerts.showAll', { count: alerts.length, n: n(alerts.length) })
                : t('alerts.showMore', { n: n(STEP) })}
          </Button>
        ) : null}
      </div>
      <ul className="divide-y divide-line" ref={list}>
        {shown.map((a) => {
          const name = String(a.params.clientName ?? '');
          return (
            <li key={a.id} className="flex items-center gap-3 px-4 py-1.5" data-testid="client-alert">
              {a.priority === 'ATTENTION' ? (
                <Badge
                  tone="warning"
                  icon={<TriangleAlert aria-hidden="true" />}
                  className="w-[6.75rem] justify-center"
                >
                  {t('alerts.priority.ATTENTION')}
                </Badge>
              ) : (
                <Badge tone="accent" icon={<Sparkles aria-hidden="true" />} className="w-[6.75rem] justify-center">
                  {t('alerts.priority.OPPORTUNITY')}
                </Badge>
              )}
              <p className="min-w-0 flex-1 truncate text-[13px] text-fg" title={sentence(a)}>
                {sentence(a)}
              </p>
              <Button
                variant="link"
                size="sm"
                aria-label={t('alerts.openNamed', { name })}
                onClick={() => onOpen(a.entityId)}
              >
                {t('alerts.open')}
              </Button>
              <Tip label={t('alerts.dismiss')}>
                <Button
                  variant="ghost"
                  size="icon-sm"
                  busy={busy === a.id}
                  aria-label={t('alerts.dismissNamed', { name })}
                  onClick={() => void dismiss(a)}
                >
                  <X />
                </Button>
              </Tip>
            </li>
          );
        })}
      </ul>
      {expanded && more > 0 ? (
        <div className="flex items-center gap-3 border-t border-line px-4 py-1.5">
          <p className="text-[12px] text-muted" aria-live="polite">
            {t('alerts.shownOf', { shown: n(limit), n: n(alerts.length) })}
          </p>
          <Button
            variant="ghost"
            size="sm"
            onClick={() => {
              focusFrom.current = limit;
              setLimit((l) => l + STEP);
            }}
          >
            {t('alerts.showMore', { n: n(more) })}
          </Button>
        </div>
      ) : null}
    </Card>
  );
}
