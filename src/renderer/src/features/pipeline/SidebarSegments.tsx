/** The sidebar's "Segments" group under Pipeline: each saved segment with its live count. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/actions';
import { errorText } from '../../app/errors';
import { formatCompactNumber, formatNumber } from '../../app/format';
import { useApp } from '../../app/store';
import { cn } from '../../components/cn';
import { loadSegments, openSegment, useSegmentList, useSegments } from './segments';
import { parseView, sameView, useLeadsView } from './viewState';

export function SidebarSegments() {
  const { t, i18n } = useTranslation('pipeline');
  const lang = i18n.language;
  const collapsed = useApp((s) => s.prefs.sidebarCollapsed);
  const section = useApp((s) => s.section);
  const dataVersion = useApp((s) => s.dataVersion);
  const hubFilter = useApp((s) => s.prefs.hubFilter);
  const hubs = useApp((s) => s.hubs);
  const segments = useSegmentList();
  const countError = useSegments((s) => s.countError);
  const failed = countError ? t('segments.countFailed', { reason: errorText(countError) }) : null;
  const view = useLeadsView((s) => s.view);

  // biome-ignore lint/correctness/useExhaustiveDependencies: each of these changes the counts.
  useEffect(() => {
    void loadSegments();
  }, [dataVersion, hubFilter, hubs]);

  if (collapsed || !segments || segments.length === 0) return null;
  return (
    <li className="mt-0.5 mb-1.5" data-testid="sidebar-segments">
      <p id="sidebar-segments-title" className="px-2.5 pt-1 pb-0.5 pl-9 text-[11px] font-medium text-faint uppercase">
        {t('segments.sidebarTitle')}
      </p>
      <ul aria-labelledby="sidebar-segments-title" className="flex flex-col gap-px">
        {segments.map((s) => {
          const active = section === 'pipeline' && sameView(parseView(s.state), view);
          return (
            <li key={s.id}>
              <button
                type="button"
                data-testid="segment-link"
                aria-current={active ? 'true' : undefined}
                onClick={() => {
                  openSegment(s);
                  navigate('pipeline');
                }}
                className={cn(
                  'flex h-7 w-full items-center gap-2 rounded-lg pr-2.5 pl-9 text-[12.5px] transition-colors duration-150',
                  active ? 'bg-accent-soft/70 font-medium text-accent-text' : 'text-muted hover:bg-hover hover:text-fg',
                )}
              >
                <span className="min-w-0 flex-1 truncate text-left" title={s.name}>
                  {s.name}
                </span>
                <span
                  className="shrink-0 text-[11.5px] text-faint tabular-nums"
                  data-testid="segment-count"
                  title={s.count === null ? (failed ?? undefined) : formatNumber(s.count, lang, 0)}
                >
                  <span aria-hidden="true">
                    {s.count === null ? (failed ? '—' : '…') : formatCompactNumber(s.count, lang)}
                  </span>
                  {s.count === null ? (
                    failed ? (
                      <span className="sr-only">{failed}</span>
                    ) : null
                  ) : (
                    <span className="sr-only">
                      {t('segments.countSr', { count: s.count, n: formatNumber(s.count, lang, 0) })}
                    </span>
                  )}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </li>
  );
}
