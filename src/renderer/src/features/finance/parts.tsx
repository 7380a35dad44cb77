/** Small pieces the finance tabs share: missing-rate banner and cells, money cells, month stepper. */
import { ChevronLeft, ChevronRight, CircleHelp } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { MissingRate } from '../../../../shared/money';
import { addMonths } from '../../app/dateText';
import { formatDate, formatMoney, formatMonth, formatSignedMoney } from '../../app/format';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { cn } from '../../components/cn';
import { Tip } from '../../components/Tooltip';
import { jumpToRate } from './store';
import { groupMissing } from './util';

/** Lists the rates a reply lacked, each with a button that opens the exchange rates prefilled. */
export function MissingRatesBanner({ rates, className }: { rates: MissingRate[]; className?: string }) {
  const { t, i18n } = useTranslation('finance');
  const grouped = groupMissing(rates);
  if (grouped.length === 0) return null;
  return (
    <Banner tone="warning" className={className} title={t('missing.title', { count: grouped.length })} role="status">
      <p>{t('missing.body')}</p>
      <ul className="mt-2 flex flex-col gap-1.5" data-testid="missing-rates">
        {grouped.map((r) => (
          <li key={r.currency} className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span>{t('missing.item', { currency: r.currency, date: formatDate(r.date, i18n.language) })}</span>
            <Button size="sm" variant="secondary" onClick={() => jumpToRate(r.currency, r.date)}>
              {t('missing.add', { currency: r.currency })}
            </Button>
          </li>
        ))}
      </ul>
    </Banner>
  );
}

/** "—" with the reason on hover and for screen readers (never a 0 for an unknown figure). */
export function MissingValue({ reason, className }: { reason: string; className?: string }) {
  return (
    <Tip label={reason} side="top">
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the reason must be reachable by keyboard. */}
      <span tabIndex={0} className={cn('inline-flex cursor-help items-center gap-1 text-faint', className)}>
        —
        <CircleHelp className="size-3.5 text-warning-text" aria-hidden="true" />
        <span className="sr-only">{reason}</span>
      </span>
    </Tip>
  );
}

/** Money in the reporting currency, or "—" with why it is unknown. */
export function ReportingMoney({
  minor,
  currency,
  reason,
  signed,
}: {
  minor: number | null;
  currency: string;
  reason: string;
  signed?: boolean;
}) {
  const { i18n } = useTranslation();
  if (minor === null) return <MissingValue reason={reason} />;
  return (
    <>{signed ? formatSignedMoney(minor, currency, i18n.language) : formatMoney(minor, currency, i18n.language)}</>
  );
}

/** Previous / next month with the month's name between, and a way back to the current month. */
export function MonthStepper({
  month,
  onChange,
  current,
  label,
}: {
  month: string;
  onChange: (month: string) => void;
  current: string;
  label: string;
}) {
  const { t, i18n } = useTranslation('finance');
  return (
    <fieldset className="flex items-center gap-2">
      <legend className="sr-only">{label}</legend>
      <Button
        variant="secondary"
        size="icon"
        aria-label={t('month.previous')}
        onClick={() => onChange(addMonths(month, -1))}
      >
        <ChevronLeft />
      </Button>
      <output
        className="min-w-[150px] text-center text-[15px] font-semibold text-fg tabular-nums"
        aria-live="polite"
        data-testid="month-label"
      >
        {formatMonth(month, i18n.language)}
      </output>
      <Button
        variant="secondary"
        size="icon"
        aria-label={t('month.next')}
        onClick={() => onChange(addMonths(month, 1))}
      >
        <ChevronRight />
      </Button>
      {month !== current ? (
        <Button variant="ghost" size="sm" onClick={() => onChange(current)}>
          {t('month.current')}
        </Button>
      ) : null}
    </fieldset>
  );
}
