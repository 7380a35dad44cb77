/** Finance: invoices and payments, subscriptions and MRR, expenses, FX rates (tabs). */
import { ArrowLeftRight, FileText, Receipt, Repeat } from 'lucide-react';
import { Tabs } from 'radix-ui';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/store';
import { PageHeader } from '../../components/PageHeader';
import { InvoicesTab } from '../invoices/InvoicesTab';
import { ExpensesTab } from './ExpensesTab';
import { FxTab } from './FxTab';
import { PeriodKpis, useFinanceKpis } from './PeriodKpis';
import { SubscriptionsTab } from './SubscriptionsTab';
import { FINANCE_TABS, type FinanceTab, setFinanceTab, useFinance } from './store';

const ICONS: Record<FinanceTab, typeof FileText> = {
  invoices: FileText,
  subscriptions: Repeat,
  expenses: Receipt,
  fx: ArrowLeftRight,
};

const triggerClass =
  '-mb-px flex h-9 items-center gap-2 rounded-t-md border-b-2 border-transparent px-3 text-[13px] font-medium text-muted transition-colors duration-150 hover:text-fg focus-visible:outline-offset-[-2px] data-[state=active]:border-accent data-[state=active]:text-fg';

export function FinancePage() {
  const { t } = useTranslation();
  const { t: tf } = useTranslation('finance');
  const tab = useFinance((s) => s.tab);
  const kpis = useFinanceKpis();
  // An invoice (or a new one) asked for from elsewhere (the command palette) opens in the Invoices tab, which takes the request.
  const invoiceRequested = useApp((s) => s.openRequest?.section === 'invoices' || s.createRequest === 'invoice');
  useEffect(() => {
    if (invoiceRequested) setFinanceTab('invoices');
  }, [invoiceRequested]);
  return (
    <div data-testid="section-finance">
      <PageHeader title={t('sections.finance.title')} description={t('sections.finance.question')} />
      <PeriodKpis kpis={kpis} />
      <Tabs.Root value={tab} onValueChange={(v) => setFinanceTab(v as FinanceTab)}>
        <Tabs.List aria-label={tf('tabsLabel')} className="mb-5 flex gap-1 border-b border-line">
          {FINANCE_TABS.map((id) => {
            const Icon = ICONS[id];
            return (
              <Tabs.Trigger key={id} value={id} className={triggerClass}>
                <Icon className="size-4" aria-hidden="true" />
                {tf(`tabs.${id}`)}
              </Tabs.Trigger>
            );
          })}
        </Tabs.List>
        <Tabs.Content value="invoices">
          <InvoicesTab />
        </Tabs.Content>
        <Tabs.Content value="subscriptions">
          <SubscriptionsTab />
        </Tabs.Content>
        <Tabs.Content value="expenses">
          <ExpensesTab />
        </Tabs.Content>
        <Tabs.Content value="fx">
          <FxTab />
        </Tabs.Content>
      </Tabs.Root>
    </div>
  );
}
