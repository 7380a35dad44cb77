/**
 * Finance in the top bar's period and hub (KPIS.md): revenue, collected,
 * expenses and DSO (days to collect).
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FinanceKpis } from '../../../../shared/kpis';
import { formatMoney, formatNumber } from '../../app/format';
import { KpiStrip, type KpiTileFigures, relativeChange, tileMoney, usePeriodKpis } from '../../components/KpiStrip';
import { useMissingRateText } from '../invoices/parts';
import { useFinance } from './store';

/** Finance's KPIs; they load again whenever a tab records something that moves them (see financeChanged). */
export function useFinanceKpis() {
  const kpis = usePeriodKpis('kpis/finance');
  const version = useFinance((s) => s.figuresVersion);
  const seen = useRef(version);
  const reload = kpis.reload;
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    reload();
  }, [version, reload]);
  return kpis;
}

type KpiName = 'revenue' | 'collected' | 'expenses' | 'dso';

export function PeriodKpis({ kpis }: { kpis: ReturnType<typeof useFinanceKpis> }) {
  const { t, i18n } = useTranslation('finance');
  const lang = i18n.language;
  const missingText = useMissingRateText();
  const n = (value: number) => formatNumber(value, lang, 0);

  const tiles = (now: FinanceKpis, before: FinanceKpis | null, range: string): KpiTileFigures[] => {
    const money = (minor: number) => formatMoney(minor, now.currency, lang);
    /** A sum's value, or "—" and the missing rate. */
    const sum = (name: KpiName, valueMinor: number | null, detail: string, how: () => string) => {
      const missing = valueMinor === null ? missingText(now.missingRates) : null;
      return {
        name,
        value: valueMinor === null ? '—' : tileMoney(valueMinor, now.currency, lang),
        detail: missing ?? detail,
        warning: missing !== null,
        how: missing ?? how(),
      };
    };
    /** A sum of records (payments, expenses): how many below it; how many and the exact sum in its ⓘ. */
    const counted = (
      name: 'collected' | 'expenses',
      valueMinor: number | null,
      count: number,
      beforeMinor: number | null | undefined,
    ): KpiTileFigures => ({
      ...sum(name, valueMinor, t(`kpis.${name}.detail`, { count, n: n(count) }), () =>
        t(`kpis.${name}.how`, { count, n: n(count), range, value: money(valueMinor ?? 0) }),
      ),
      change: relativeChange(valueMinor, beforeMinor),
    });
    const { revenue, collected, expenses, dso } = now;
    const projects = { count: revenue.projects, n: n(revenue.projects) };
    const subscriptions = { count: revenue.subscriptions, n: n(revenue.subscriptions) };
    const days = dso.days === null ? null : formatNumber(dso.days, lang, 1);
    return [
      {
        ...sum(
          'revenue',
          revenue.valueMinor,
          `${t('kpis.revenue.deliveries', projects)} · ${t('kpis.revenue.subs', subscriptions)}`,
          () =>
            t('kpis.revenue.how', {
              projectsValue: money(revenue.projectsMinor ?? 0),
              projects: t('kpis.revenue.projectsDelivered', projects),
              subscriptionsValue: money(revenue.subscriptionsMinor ?? 0),
              subscriptions: t('kpis.revenue.subscriptions', subscriptions),
              value: money(revenue.valueMinor ?? 0),
            }),
        ),
        change: relativeChange(revenue.valueMinor, before?.revenue.valueMinor),
      },
      counted('collected', collected.valueMinor, collected.payments, before?.collected.valueMinor),
      { ...counted('expenses', expenses.valueMinor, expenses.expenses, before?.expenses.valueMinor), upIsGood: false },
      {
        name: 'dso',
        value: days === null ? '—' : t('kpis.dso.value', { days }),
        change: relativeChange(dso.days, before?.dso.days),
        upIsGood: false,
        detail: days === null ? t('kpis.dso.none') : t('kpis.dso.detail', { count: dso.invoices, n: n(dso.invoices) }),
        how:
          days === null
            ? t('kpis.dso.noneHow')
            : t('kpis.dso.how', {
                count: dso.invoices,
                n: n(dso.invoices),
                total: n(dso.totalDays),
                days,
              }),
      },
    ];
  };

  return <KpiStrip kpis={kpis} count={4} testId="finance-kpis" namespace="finance" tiles={tiles} />;
}
