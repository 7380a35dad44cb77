/** The leads table's columns: how each cell reads, its width, and which server sort it maps to. */
import { type ColumnDef, createColumnHelper } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { Hub, Person } from '../../../../shared/contract';
import { isClosedLead, type LeadChannel, type Tier, type Vertical } from '../../../../shared/domain';
import type { LeadRow, LeadSortColumn } from '../../../../shared/leads';
import { dateFormat, formatDate, formatMoneyWhole, intlLocale, majorToMinor, minorToMajor } from '../../app/format';
import { cn } from '../../components/cn';
import { HubDot } from '../../components/HubDot';
import { ProbabilityCell, ScoreCell, StageBadge } from './badges';
import type { LeadsFeatures } from './LeadsTable';

export const COLUMN_IDS = [
  'company',
  'stage',
  'channel',
  'vertical',
  'tier',
  'owner',
  'hub',
  'score',
  'probability',
  'value',
  'created',
  'activity',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export interface ColumnLayout {
  /** A CSS grid track. */
  width: string;
  /** Minimum pixels, for the table's minimum width. */
  min: number;
  align?: 'right';
  /** The server-side sort this column's header asks for. */
  sort?: LeadSortColumn;
  /** Shown unless the person hides it. */
  visible: boolean;
}

export const LAYOUT: Record<ColumnId, ColumnLayout> = {
  company: { width: 'minmax(180px, 1fr)', min: 180, sort: 'company', visible: true },
  stage: { width: '108px', min: 108, visible: true },
  channel: { width: '112px', min: 112, visible: true },
  vertical: { width: '118px', min: 118, visible: false },
  tier: { width: '72px', min: 72, visible: false },
  owner: { width: '132px', min: 132, visible: true },
  hub: { width: '118px', min: 118, visible: false },
  score: { width: '116px', min: 116, align: 'right', sort: 'score', visible: true },
  probability: { width: '112px', min: 112, align: 'right', sort: 'win_probability', visible: true },
  value: { width: '104px', min: 104, align: 'right', sort: 'expected_value', visible: true },
  created: { width: '104px', min: 104, align: 'right', sort: 'created_at', visible: false },
  activity: { width: '112px', min: 112, align: 'right', sort: 'last_activity_at', visible: true },
};

/** A sort column back to the table column that shows it. */
export const COLUMN_OF_SORT: Record<LeadSortColumn, ColumnId> = {
  company: 'company',
  score: 'score',
  win_probability: 'probability',
  expected_value: 'value',
  created_at: 'created',
  last_activity_at: 'activity',
};

/** "Nov 12" this year, "Nov 12, 2025" otherwise (the full date in the title). */
export function shortDate(iso: string, lang: string, thisYear: string): string {
  const d = new Date(iso);
  const opts: Intl.DateTimeFormatOptions =
    iso.slice(0, 4) === thisYear
      ? { month: 'short', day: 'numeric', timeZone: 'UTC' }
      : { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' };
  return dateFormat(intlLocale(lang), opts).format(d);
}

/** Text a narrow column may cut ("Comercio elec…"): whole on hover. */
function clipped(text: string, className?: string) {
  return (
    <span className={cn('truncate', className)} title={text}>
      {text}
    </span>
  );
}

/** Whole units: cents are noise in a table. */
export function wholeMoney(minor: number, currency: string, lang: string): string {
  return formatMoneyWhole(majorToMinor(Math.round(minorToMajor(minor, currency)), currency), currency, lang);
}

export function buildColumns({
  t,
  lang,
  people,
  hubs,
  thisYear,
}: {
  t: TFunction<'pipeline'>;
  lang: string;
  people: Map<number, Person>;
  hubs: Map<number, Hub>;
  thisYear: string;
}) {
  const col = createColumnHelper<LeadsFeatures, LeadRow>();
  const date = (iso: string | null, empty: string) =>
    iso ? (
      <time dateTime={iso} title={formatDate(iso, lang)}>
        {shortDate(iso, lang, thisYear)}
      </time>
    ) : (
      <span className="text-faint">{empty}</span>
    );
  // biome-ignore lint/suspicious/noExplicitAny: each column keeps its own value type.
  const columns: ColumnDef<LeadsFeatures, LeadRow, any>[] = col.columns([
    col.accessor('company', {
      id: 'company',
      header: () => t('columns.company'),
      cell: (c) => (
        <span className="flex min-w-0 flex-col leading-tight">
          <span className="truncate font-medium text-fg" data-testid="lead-company">
            {c.getValue()}
          </span>
          <span className="truncate text-[12px] text-muted">{c.row.original.contactName}</span>
        </span>
      ),
    }),
    col.accessor('stage', {
      id: 'stage',
      header: () => t('columns.stage'),
      enableSorting: false,
      cell: (c) => <StageBadge stage={c.getValue()} />,
    }),
    col.accessor('channel', {
      id: 'channel',
      header: () => t('columns.channel'),
      enableSorting: false,
      cell: (c) => clipped(t(`channel.${c.getValue() as LeadChannel}`), 'text-muted'),
    }),
    col.accessor('vertical', {
      id: 'vertical',
      header: () => t('columns.vertical'),
      enableSorting: false,
      cell: (c) => clipped(t(`vertical.${c.getValue() as Vertical}`), 'text-muted'),
    }),
    col.accessor('tier', {
      id: 'tier',
      header: () => t('columns.tier'),
      enableSorting: false,
      cell: (c) => <span className="text-muted">{t(`tier.short.${c.getValue() as Tier}`)}</span>,
    }),
    col.accessor('ownerId', {
      id: 'owner',
      header: () => t('columns.owner'),
      enableSorting: false,
      cell: (c) => {
        const id = c.getValue();
        const person = id === null ? undefined : people.get(id);
        return person ? clipped(person.name) : <span className="text-faint">{t('unassigned')}</span>;
      },
    }),
    col.accessor('hubId', {
      id: 'hub',
      header: () => t('columns.hub'),
      enableSorting: false,
      cell: (c) => {
        const id = c.getValue();
        const hub = id === null ? undefined : hubs.get(id);
        return hub ? (
          <span className="flex min-w-0 items-center gap-1.5">
            <HubDot color={hub.color} />
            {clipped(hub.name)}
          </span>
        ) : (
          <span className="text-faint">{t('noHub')}</span>
        );
      },
    }),
    col.accessor('score', {
      id: 'score',
      header: () => t('columns.score'),
      sortDescFirst: true,
      cell: (c) => <ScoreCell score={c.getValue()} />,
    }),
    col.accessor('winProbability', {
      id: 'probability',
      header: () => t('columns.probability'),
      sortDescFirst: true,
      cell: (c) => (
        <ProbabilityCell
          model={c.getValue()}
          override={c.row.original.probabilityOverride}
          closed={isClosedLead(c.row.original.stage)}
        />
      ),
    }),
    col.accessor('expectedValueMinor', {
      id: 'value',
      header: () => t('columns.value'),
      sortDescFirst: true,
      cell: (c) => <span className="tabular-nums">{wholeMoney(c.getValue(), c.row.original.currency, lang)}</span>,
    }),
    col.accessor('createdAt', {
      id: 'created',
      header: () => t('columns.created'),
      sortDescFirst: true,
      cell: (c) => date(c.getValue(), '—'),
    }),
    col.accessor('lastActivityAt', {
      id: 'activity',
      header: () => t('columns.activity'),
      sortDescFirst: true,
      cell: (c) => date(c.getValue(), t('never')),
    }),
  ]);
  return columns;
}
