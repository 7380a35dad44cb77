import { Bookmark } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { goTo } from '../../app/actions';
import { errorText } from '../../app/errors';
import { formatCompactNumber, formatNumber } from '../../app/format';
import { useApp } from '../../app/store';
import { CheckedName } from '../../components/CheckedName';
import { cn } from '../../components/cn';
import { MENU_CONTENT, MENU_ITEM } from '../../components/menu';
import { Tip } from '../../components/Tooltip';
import { loadSegments, openSegment, type Segment, useSegmentList, useSegments } from './segments';
import { parseView, sameView, useLeadsView } from './viewState';

/**
 * The sidebar's "Segments" group under Pipeline: each saved segment with its live count. Collapsed to icons, the
 * sidebar keeps them one button away: a menu of the same segments, opened by click or keyboard.
 */
export function SidebarSegments() {
  const { t } = useTranslation('pipeline');
  const collapsed = useApp((s) => s.prefs.sidebarCollapsed);
  const section = useApp((s) => s.section);
  const dataVersion = useApp((s) => s.dataVersion);
  const hubFilter = useApp((s) => s.prefs.hubFilter);
  const hubs = useApp((s) => s.hubs);
  const segments = useSegmentList();
  const view = useLeadsView((s) => s.view);

  // biome-ignore lint/correctness/useExhaustiveDependencies: each of these changes the counts.
  useEffect(() => {
    void loadSegments();
  }, [dataVersion, hubFilter, hubs]);

  if (!segments || segments.length === 0) return null;
  const isActive = (s: Segment) => section === 'pipeline' && sameView(parseView(s.state), view);
  // The segment opens only once leaving the screen is agreed (a form there may hold unsaved changes).
  const open = (s: Segment) => goTo('pipeline', undefined, () => openSegment(s));
  if (collapsed) return <CollapsedSegments segments={segments} isActive={isActive} onOpen={open} />;
  return (
    <li className="mt-0.5 mb-1.5" data-testid="sidebar-segments">
      <p id="sidebar-segments-title" className="px-2.5 pt-1 pb-0.5 pl-9 text-[11px] font-medium text-faint uppercase">
        {t('segments.sidebarTitle')}
      </p>
      <ul aria-labelledby="sidebar-segments-title" className="flex flex-col gap-px">
        {segments.map((s) => {
          const active = isActive(s);
          return (
            <li key={s.id}>
              <button
                type="button"
                data-testid="segment-link"
                aria-current={active ? 'true' : undefined}
                onClick={() => open(s)}
                className={cn(
                  'flex h-7 w-full items-center gap-2 rounded-lg pr-2.5 pl-9 text-[12.5px] transition-colors duration-150',
                  active ? 'bg-accent-soft/70 font-medium text-accent-text' : 'text-muted hover:bg-hover hover:text-fg',
                )}
              >
                <span className="min-w-0 flex-1 truncate text-left" title={s.name}>
                  {s.name}
                </span>
                <SegmentCount count={s.count} className="text-[11.5px]" />
              </button>
            </li>
          );
        })}
      </ul>
    </li>
  );
}

/** The collapsed sidebar's segments: an icon under Pipeline's that opens a menu of them, with their counts. */
function CollapsedSegments({
  segments,
  isActive,
  onOpen,
}: {
  segments: Segment[];
  isActive: (s: Segment) => boolean;
  onOpen: (s: Segment) => void;
}) {
  const { t } = useTranslation('pipeline');
  const label = t('segments.title');
  const anyActive = segments.some(isActive);
  return (
    <li data-testid="sidebar-segments">
      {/* Not modal: the rest of the app stays in the accessibility tree (axe: aria-hidden-focus). */}
      <DropdownMenu.Root modal={false}>
        <Tip label={label} side="right">
          <DropdownMenu.Trigger asChild>
            <button
              type="button"
              aria-label={label}
              data-testid="sidebar-segments-menu"
              className={cn(
                'mx-auto flex size-7 items-center justify-center rounded-md transition-colors duration-150 data-[state=open]:bg-hover',
                anyActive ? 'bg-accent-soft/70 text-accent-text' : 'text-faint hover:bg-hover hover:text-fg',
              )}
            >
              <Bookmark className="size-3.5" aria-hidden="true" />
            </button>
          </DropdownMenu.Trigger>
        </Tip>
        <DropdownMenu.Portal>
          <DropdownMenu.Content side="right" align="start" sideOffset={22} className={cn(MENU_CONTENT, 'w-72')}>
            <DropdownMenu.Label className="px-2 pt-1 pb-1 text-[11.5px] font-medium text-faint">
              {t('segments.sidebarTitle')}
            </DropdownMenu.Label>
            <div className="max-h-80 overflow-y-auto">
              {segments.map((s) => {
                const active = isActive(s);
                return (
                  <DropdownMenu.Item
                    key={s.id}
                    data-testid="segment-link"
                    aria-current={active ? 'true' : undefined}
                    className={cn(MENU_ITEM, active && 'font-medium')}
                    onSelect={() => onOpen(s)}
                  >
                    <CheckedName checked={active} name={s.name} />
                    <SegmentCount count={s.count} className="text-[12px]" />
                  </DropdownMenu.Item>
                );
              })}
            </div>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
    </li>
  );
}

/** A segment's live count: compact, the exact figure on hover and for screen readers; why, when it failed. */
function SegmentCount({ count, className }: { count: number | null; className: string }) {
  const { t, i18n } = useTranslation('pipeline');
  const lang = i18n.language;
  const countError = useSegments((s) => s.countError);
  const failed = countError ? t('segments.countFailed', { reason: errorText(countError) }) : null;
  return (
    <span
      className={cn('shrink-0 text-faint tabular-nums', className)}
      data-testid="segment-count"
      title={count === null ? (failed ?? undefined) : formatNumber(count, lang, 0)}
    >
      <span aria-hidden="true">{count === null ? (failed ? '—' : '…') : formatCompactNumber(count, lang)}</span>
      {count === null ? (
        failed ? (
          <span className="sr-only">{failed}</span>
        ) : null
      ) : (
        <span className="sr-only">{t('segments.countSr', { count, n: formatNumber(count, lang, 0) })}</span>
      )}
    </span>
  );
}
