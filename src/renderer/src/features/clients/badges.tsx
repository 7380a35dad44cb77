/** Small labelled badges for the clients screens. Never colour alone: each carries a word and, for risk, an icon. */
import {
  CircleCheck,
  CircleDashed,
  CirclePause,
  CircleX,
  Clock,
  OctagonAlert,
  Repeat,
  TriangleAlert,
} from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ChurnRisk, ClientStatus, InvoiceStatus, SubscriptionStatus, Tier } from '../../../../shared/domain';
import { Badge, INVOICE_STATUS_ICON, INVOICE_STATUS_TONE, type Tone } from '../../components/StatusBadge';

export const RISK_TONE: Record<ChurnRisk, Tone> = { low: 'success', medium: 'warning', high: 'danger' };

export function riskIcon(risk: ChurnRisk) {
  return risk === 'low' ? (
    <CircleCheck aria-hidden="true" />
  ) : risk === 'medium' ? (
    <TriangleAlert aria-hidden="true" />
  ) : (
    <OctagonAlert aria-hidden="true" />
  );
}

/** "Low risk" / "Medium risk" / "High risk", with its icon. */
export function RiskBadge({ risk, short }: { risk: ChurnRisk; short?: boolean }) {
  const { t } = useTranslation('clients');
  return (
    <Badge tone={RISK_TONE[risk]} icon={riskIcon(risk)}>
      {short ? t(`risk.short.${risk}`) : t(`risk.long.${risk}`)}
    </Badge>
  );
}

/** The client's status when it is worth a word (at risk, lapsed, prospect); nothing for an active client. */
export function StatusBadge({ status }: { status: ClientStatus }) {
  const { t } = useTranslation('clients');
  if (status === 'active') return null;
  const tone: Tone = status === 'at_risk' ? 'danger' : status === 'lapsed' ? 'neutral' : 'info';
  const icon =
    status === 'at_risk' ? (
      <OctagonAlert aria-hidden="true" />
    ) : status === 'lapsed' ? (
      <Clock aria-hidden="true" />
    ) : (
      <CircleDashed aria-hidden="true" />
    );
  return (
    <Badge tone={tone} icon={icon}>
      {t(`status.${status}`)}
    </Badge>
  );
}

export function TierBadge({ tier, className }: { tier: Tier; className?: string }) {
  const { t } = useTranslation('clients');
  return (
    <Badge tone={tier === 1 ? 'accent' : 'neutral'} className={className} title={t(`tier.long.${tier}`)}>
      {t('tier.short', { tier })}
    </Badge>
  );
}

/** The subscription's state; with `amount` (an active one's fee) the badge shows the fee and keeps the word for screen readers. */
export function SubscriptionBadge({ status, amount }: { status: SubscriptionStatus | 'none'; amount?: string }) {
  const { t } = useTranslation('clients');
  if (status === 'none') return <span className="text-faint">{t('subscription.none')}</span>;
  const tone: Tone =
    status === 'active' ? 'success' : status === 'paused' ? 'warning' : status === 'scheduled' ? 'info' : 'neutral';
  const icon =
    status === 'active' ? (
      <Repeat aria-hidden="true" />
    ) : status === 'paused' ? (
      <CirclePause aria-hidden="true" />
    ) : status === 'scheduled' ? (
      <Clock aria-hidden="true" />
    ) : (
      <CircleX aria-hidden="true" />
    );
  return (
    <Badge tone={tone} icon={icon} title={amount ? t(`subscription.${status}`) : undefined}>
      {amount ? (
        <>
          <span className="sr-only">{t(`subscription.${status}`)} </span>
          <span className="tabular-nums">{amount}</span>
        </>
      ) : (
        t(`subscription.${status}`)
      )}
    </Badge>
  );
}

export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  const { t } = useTranslation('clients');
  return (
    <Badge tone={INVOICE_STATUS_TONE[status]} icon={INVOICE_STATUS_ICON[status]}>
      {t(`invoiceStatus.${status}`)}
    </Badge>
  );
}
