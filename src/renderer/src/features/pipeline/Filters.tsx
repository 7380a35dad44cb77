/** The leads filters: a popover with every filter, and the active ones as removable chips under the toolbar. */
import { Check, ListFilter, X } from 'lucide-react';
import { Popover } from 'radix-ui';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Hub, Person } from '../../../../shared/contract';
import { LEAD_CHANNELS, LEAD_STAGES, TIERS, type Tier, VERTICALS } from '../../../../shared/domain';
import type { LeadFilter } from '../../../../shared/leads';
import { formatDate, formatList } from '../../app/format';
import { Button } from '../../components/Button';
import { cn } from '../../components/cn';
import { DateField } from '../../components/DateField';
import { Input } from '../../components/Field';
import { HubDot } from '../../components/HubDot';
import { activeFilterCount, setFilter } from './viewState';

function toggle<T>(list: T[] | undefined, value: T): T[] {
  const set = new Set(list ?? []);
  if (set.has(value)) set.delete(value);
  else set.add(value);
  return [...set];
}

/** A labelled group of on/off chips (each a toggle button). */
function ChipGroup<T extends string | number>({
  label,
  options,
  selected,
  onToggle,
  disabled,
  note,
}: {
  label: string;
  options: { value: T; label: string; icon?: ReactNode }[];
  selected: T[] | undefined;
  onToggle: (value: T) => void;
  disabled?: boolean;
  note?: string;
}) {
  const id = useId();
  return (
    <fieldset className="min-w-0" aria-labelledby={id} disabled={disabled}>
      <legend id={id} className="mb-1.5 text-[12px] font-medium text-muted">
        {label}
      </legend>
      <div className="flex flex-wrap gap-1.5">
        {options.map((o) => {
          const on = selected?.includes(o.value) ?? false;
          return (
            <button
              key={String(o.value)}
              type="button"
              aria-pressed={on}
              onClick={() => onToggle(o.value)}
              className={cn(
                'inline-flex h-7 items-center gap-1.5 rounded-full border px-2.5 text-[12.5px] transition-colors duration-150 disabled:opacity-50',
                on
                  ? 'border-accent/40 bg-accent-soft font-medium text-accent-text'
                  : 'border-line-strong text-fg hover:bg-hover',
              )}
            >
              {on ? <Check className="size-3.5" aria-hidden="true" /> : o.icon}
              {o.label}
            </button>
          );
        })}
      </div>
      {note ? <p className="mt-1 text-[12px] text-faint">{note}</p> : null}
    </fieldset>
  );
}

/** A whole number 0–100 typed freely and applied when it is valid. */
function ScoreInput({
  label,
  value,
  onCommit,
  onRejected,
  invalid,
}: {
  label: string;
  value: number | undefined;
  onCommit: (v: number | undefined) => void;
  /** The text typed when it is not a score (so it is not applied), or null. */
  onRejected: (text: string | null) => void;
  invalid: boolean;
}) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => setText(value === undefined ? '' : String(value)), [value]);
  const parsed = text.trim() === '' ? undefined : Number(text);
  const bad = parsed !== undefined && (!Number.isInteger(parsed) || parsed < 0 || parsed > 100);
  const rejectedRef = useRef(onRejected);
  rejectedRef.current = onRejected;
  useEffect(() => rejectedRef.current(bad ? text.trim() : null), [bad, text]);
  useEffect(() => () => rejectedRef.current(null), []);
  /** A valid number typed but not applied yet: applied after a pause, on blur, or when the popover closes. */
  const pending = useRef<{ value: number | undefined } | null>(null);
  pending.current = bad || parsed === value ? null : { value: parsed };
  const commitRef = useRef(onCommit);
  commitRef.current = onCommit;
  const flush = () => {
    const p = pending.current;
    pending.current = null;
    if (p) commitRef.current(p.value);
  };
  useEffect(() => {
    if (bad || parsed === value) return;
    const timer = setTimeout(flush, 350);
    return () => clearTimeout(timer);
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: flush reads refs; it runs once, on unmount.
  useEffect(() => () => flush(), []);
  return (
    <Input
      aria-label={label}
      inputMode="numeric"
      value={text}
      placeholder={label}
      aria-invalid={bad || invalid || undefined}
      onChange={(e) => setText(e.target.value)}
      onBlur={flush}
      onKeyDown={(e) => {
        if (e.key === 'Enter') flush();
      }}
      className="w-20 text-right tabular-nums"
    />
  );
}

function DateRange({
  label,
  from,
  to,
  onChange,
}: {
  label: string;
  from: string | undefined;
  to: string | undefined;
  onChange: (from: string | undefined, to: string | undefined) => void;
}) {
  const { t } = useTranslation('pipeline');
  const id = useId();
  const reversed = Boolean(from && to && from > to);
  return (
    <fieldset aria-labelledby={id} className="min-w-0">
      <legend id={id} className="mb-1.5 text-[12px] font-medium text-muted">
        {label}
      </legend>
      {/* Top-aligned, so a field's own message below it (text that is no date) leaves the other where it is. */}
      <div className="flex items-start gap-1.5">
        <DateField
          aria-label={t('filters.fromLabel', { what: label })}
          value={from ?? ''}
          max={to}
          onChange={(date) => onChange(date || undefined, to)}
          className="w-[8.75rem]"
        />
        <span className="flex h-8 items-center text-faint" aria-hidden="true">
          –
        </span>
        <DateField
          aria-label={t('filters.toLabel', { what: label })}
          value={to ?? ''}
          min={from}
          aria-invalid={reversed || undefined}
          onChange={(date) => onChange(from, date || undefined)}
          className="w-[8.75rem]"
        />
      </div>
      {reversed ? <p className="mt-1 text-[12px] text-danger-text">{t('filters.reversedDates')}</p> : null}
    </fieldset>
  );
}

export function FiltersButton({
  filter,
  people,
  hubs,
  globalHub,
}: {
  filter: LeadFilter;
  people: Person[];
  hubs: Hub[];
  globalHub: Hub | null;
}) {
  const { t } = useTranslation('pipeline');
  const active = activeFilterCount(filter);
  const scoreReversed =
    filter.scoreMin !== undefined && filter.scoreMax !== undefined && filter.scoreMin > filter.scoreMax;
  const [rejectedMin, setRejectedMin] = useState<string | null>(null);
  const [rejectedMax, setRejectedMax] = useState<string | null>(null);
  const rejected = rejectedMin ?? rejectedMax;
  const scoreMessage =
    rejected !== null
      ? t('filters.scoreRejected', { value: rejected })
      : scoreReversed
        ? t('filters.scoreReversed')
        : null;
  return (
    <Popover.Root>
      <Popover.Trigger asChild>
        <Button icon={<ListFilter />} data-testid="filters-button">
          {active > 0 ? t('filters.buttonActive', { count: active }) : t('filters.button')}
        </Button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="start"
          sideOffset={6}
          collisionPadding={12}
          aria-label={t('filters.title')}
          className="shadow-float z-50 max-h-[var(--radix-popover-content-available-height)] w-[min(620px,calc(100vw-32px))] animate-slide-down overflow-y-auto rounded-xl border border-line bg-surface"
        >
          <div className="flex items-center justify-between border-b border-line px-4 py-2.5">
            <h2 className="text-[13px] font-semibold text-fg">{t('filters.title')}</h2>
            <div className="flex items-center gap-1">
              {active > 0 ? (
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() =>
                    setFilter({
                      stages: [],
                      channels: [],
                      verticals: [],
                      tiers: [],
                      ownerIds: [],
                      hubIds: [],
                      scoreMin: undefined,
                      scoreMax: undefined,
                      createdFrom: undefined,
                      createdTo: undefined,
                      activityFrom: undefined,
                      activityTo: undefined,
                    })
                  }
                >
                  {t('filters.clearAll')}
                </Button>
              ) : null}
              <Popover.Close asChild>
                <Button size="icon-sm" variant="ghost" aria-label={t('common.close', { ns: 'translation' })}>
                  <X />
                </Button>
              </Popover.Close>
            </div>
          </div>
          <div className="grid grid-cols-1 gap-4 px-4 py-3.5 sm:grid-cols-2">
            <ChipGroup
              label={t('filters.stage')}
              options={LEAD_STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))}
              selected={filter.stages}
              onToggle={(v) => setFilter({ stages: toggle(filter.stages, v) })}
            />
            <ChipGroup
              label={t('filters.tier')}
              options={TIERS.map((tier) => ({ value: tier, label: t(`tier.long.${tier}`) }))}
              selected={filter.tiers}
              onToggle={(v: Tier) => setFilter({ tiers: toggle(filter.tiers, v) })}
            />
            <ChipGroup
              label={t('filters.channel')}
              options={LEAD_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
              selected={filter.channels}
              onToggle={(v) => setFilter({ channels: toggle(filter.channels, v) })}
            />
            <ChipGroup
              label={t('filters.vertical')}
              options={VERTICALS.map((v) => ({ value: v, label: t(`vertical.${v}`) }))}
              selected={filter.verticals}
              onToggle={(v) => setFilter({ verticals: toggle(filter.verticals, v) })}
            />
            <ChipGroup
              label={t('filters.hub')}
              options={hubs.map((h) => ({ value: h.id, label: h.name, icon: <HubDot color={h.color} /> }))}
              selected={filter.hubIds}
              onToggle={(v) => setFilter({ hubIds: toggle(filter.hubIds, v) })}
              disabled={globalHub !== null}
              note={globalHub ? t('filters.hubFromTopBar', { hub: globalHub.name }) : undefined}
            />
            <fieldset className="min-w-0">
              <legend className="mb-1.5 text-[12px] font-medium text-muted">{t('filters.score')}</legend>
              <div className="flex items-center gap-1.5">
                <ScoreInput
                  label={t('filters.scoreMin')}
                  value={filter.scoreMin}
                  invalid={scoreReversed}
                  onCommit={(v) => setFilter({ scoreMin: v })}
                  onRejected={setRejectedMin}
                />
                <span className="text-faint" aria-hidden="true">
                  –
                </span>
                <ScoreInput
                  label={t('filters.scoreMax')}
                  value={filter.scoreMax}
                  invalid={scoreReversed}
                  onCommit={(v) => setFilter({ scoreMax: v })}
                  onRejected={setRejectedMax}
                />
              </div>
              <p
                className={cn('mt-1 text-[12px]', scoreMessage ? 'text-danger-text' : 'text-faint')}
                data-testid="score-filter-message"
                role={scoreMessage ? 'alert' : undefined}
              >
                {scoreMessage ?? t('filters.scoreHint')}
              </p>
            </fieldset>
            <DateRange
              label={t('filters.created')}
              from={filter.createdFrom}
              to={filter.createdTo}
              onChange={(createdFrom, createdTo) => setFilter({ createdFrom, createdTo })}
            />
            <DateRange
              label={t('filters.activity')}
              from={filter.activityFrom}
              to={filter.activityTo}
              onChange={(activityFrom, activityTo) => setFilter({ activityFrom, activityTo })}
            />
            <fieldset className="min-w-0 sm:col-span-2">
              <legend className="mb-1.5 text-[12px] font-medium text-muted">{t('filters.owner')}</legend>
              <div className="grid max-h-40 grid-cols-2 gap-x-3 overflow-y-auto rounded-lg border border-line p-1.5 sm:grid-cols-3">
                {people.map((p) => {
                  const on = filter.ownerIds?.includes(p.id) ?? false;
                  return (
                    <label
                      key={p.id}
                      className="flex h-7 cursor-pointer items-center gap-2 rounded-md px-1.5 text-[12.5px] text-fg hover:bg-hover"
                    >
                      <input
                        type="checkbox"
                        checked={on}
                        onChange={() => setFilter({ ownerIds: toggle(filter.ownerIds, p.id) })}
                        className="size-3.5 accent-[var(--accent)]"
                      />
                      <span className="truncate">{p.name}</span>
                    </label>
                  );
                })}
              </div>
            </fieldset>
          </div>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

/** The filters in force as chips; each chip's × removes that filter. */
export function ActiveFilters({
  filter,
  people,
  hubs,
}: {
  filter: LeadFilter;
  /** Null while loading. */
  people: Person[] | null;
  hubs: Hub[];
}) {
  const { t, i18n } = useTranslation('pipeline');
  const lang = i18n.language;
  const list = (items: string[]) => formatList(items, lang);
  const chips: { key: string; label: string; clear: () => void }[] = [];
  if (filter.stages)
    chips.push({
      key: 'stages',
      label: t('filters.chip.stage', { list: list(filter.stages.map((s) => t(`stage.${s}`))) }),
      clear: () => setFilter({ stages: [] }),
    });
  if (filter.channels)
    chips.push({
      key: 'channels',
      label: t('filters.chip.channel', { list: list(filter.channels.map((c) => t(`channel.${c}`))) }),
      clear: () => setFilter({ channels: [] }),
    });
  if (filter.verticals)
    chips.push({
      key: 'verticals',
      label: t('filters.chip.vertical', { list: list(filter.verticals.map((v) => t(`vertical.${v}`))) }),
      clear: () => setFilter({ verticals: [] }),
    });
  if (filter.tiers)
    chips.push({
      key: 'tiers',
      label: t('filters.chip.tier', { list: list(filter.tiers.map((v) => t(`tier.short.${v}`))) }),
      clear: () => setFilter({ tiers: [] }),
    });
  if (filter.ownerIds)
    chips.push({
      key: 'owners',
      label: t('filters.chip.owner', {
        // The people are still on their way: their names follow.
        list: list(filter.ownerIds.map((id) => people?.find((p) => p.id === id)?.name ?? '…')),
      }),
      clear: () => setFilter({ ownerIds: [] }),
    });
  if (filter.hubIds)
    chips.push({
      key: 'hubs',
      label: t('filters.chip.hub', {
        // A segment saved before its hub was deleted.
        list: list(filter.hubIds.map((id) => hubs.find((h) => h.id === id)?.name ?? t('filters.removedHub'))),
      }),
      clear: () => setFilter({ hubIds: [] }),
    });
  if (filter.scoreMin !== undefined || filter.scoreMax !== undefined)
    chips.push({
      key: 'score',
      label: t('filters.chip.score', { min: filter.scoreMin ?? 0, max: filter.scoreMax ?? 100 }),
      clear: () => setFilter({ scoreMin: undefined, scoreMax: undefined }),
    });
  const range = (from: string | undefined, to: string | undefined) =>
    from && to
      ? t('filters.chip.between', { from: formatDate(from, lang), to: formatDate(to, lang) })
      : from
        ? t('filters.chip.since', { from: formatDate(from, lang) })
        : t('filters.chip.until', { to: formatDate(to ?? '', lang) });
  if (filter.createdFrom || filter.createdTo)
    chips.push({
      key: 'created',
      label: t('filters.chip.created', { range: range(filter.createdFrom, filter.createdTo) }),
      clear: () => setFilter({ createdFrom: undefined, createdTo: undefined }),
    });
  if (filter.activityFrom || filter.activityTo)
    chips.push({
      key: 'activity',
      label: t('filters.chip.activity', { range: range(filter.activityFrom, filter.activityTo) }),
      clear: () => setFilter({ activityFrom: undefined, activityTo: undefined }),
    });
  if (chips.length === 0) return null;
  return (
    <ul className="flex flex-wrap items-center gap-1.5" aria-label={t('filters.active')}>
      {chips.map((c) => (
        <li
          key={c.key}
          className="inline-flex h-7 max-w-[22rem] items-center gap-1 rounded-full border border-line bg-subtle pr-0.5 pl-2.5 text-[12.5px] text-fg"
        >
          <span className="truncate">{c.label}</span>
          <button
            type="button"
            onClick={c.clear}
            aria-label={t('filters.removeChip', { filter: c.label })}
            className="grid size-6 place-items-center rounded-full text-muted hover:bg-hover hover:text-fg"
          >
            <X className="size-3.5" aria-hidden="true" />
          </button>
        </li>
      ))}
    </ul>
  );
}
