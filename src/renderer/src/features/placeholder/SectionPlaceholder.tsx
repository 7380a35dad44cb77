import { useTranslation } from 'react-i18next';
import type { Section } from '../../../../shared/domain';
import { formatNumber } from '../../app/format';
import { SECTION_META } from '../../app/sections';
import { useApp, useOpenWorkspace } from '../../app/store';
import { Card } from '../../components/Card';
import { EmptyState } from '../../components/EmptyState';
import { HubDot } from '../../components/HubDot';
import { PageHeader } from '../../components/PageHeader';

/** Sections not built yet: what they will answer, and what the workspace holds for them. */
export function SectionPlaceholder({ section }: { section: Exclude<Section, 'settings'> }) {
  const { t, i18n } = useTranslation();
  const workspace = useOpenWorkspace();
  const period = useApp((s) => s.prefs.period);
  const hubFilter = useApp((s) => s.prefs.hubFilter);
  const hub = useApp((s) => s.hubs.find((h) => h.id === hubFilter));
  const meta = SECTION_META[section];

  return (
    <div data-testid={`section-${section}`}>
      <PageHeader title={t(`sections.${section}.title`)} description={t(`sections.${section}.question`)} />
      <Card className="overflow-hidden">
        <EmptyState
          icon={meta.icon}
          title={t('placeholder.title', { section: t(`sections.${section}.title`) })}
          description={t(`sections.${section}.description`)}
          className="pt-14 pb-8"
        >
          <p className="flex items-center gap-1.5 text-[12px] text-faint">
            {t('placeholder.filters', { period: t(`period.${period}`) })}
            {hub ? (
              <span className="inline-flex items-center gap-1 rounded-full border border-line px-2 py-0.5 text-muted">
                <HubDot color={hub.color} className="size-2" />
                {hub.name}
              </span>
            ) : (
              <span className="rounded-full border border-line px-2 py-0.5 text-muted">{t('hubFilter.all')}</span>
            )}
          </p>
        </EmptyState>
        {workspace && meta.counts.length > 0 ? (
          <div className="border-t border-line bg-subtle/40 px-6 py-5">
            <h3 className="mb-3 text-center text-[12px] font-medium text-faint">{t('placeholder.inWorkspace')}</h3>
            <ul className="mx-auto grid max-w-2xl grid-cols-3 gap-3" aria-label={t('placeholder.inWorkspace')}>
              {meta.counts.map((c) => {
                const n = workspace.counts[c] ?? 0;
                return (
                  <li
                    key={c}
                    className="rounded-[10px] border border-line bg-surface px-4 py-3"
                    data-testid={`count-${c}`}
                  >
                    <span className="block text-2xl font-semibold tabular-nums text-fg">
                      {formatNumber(n, i18n.language, 0)}
                    </span>
                    <span className="block text-[12px] text-muted">{t(`counts.${c}`, { count: n })}</span>
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null}
      </Card>
    </div>
  );
}
