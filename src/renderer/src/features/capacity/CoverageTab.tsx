/**
 * Coverage: for a client's time zone and a date, who of the core team is at
 * work in each of the 24 hours of that zone's day — a strip of hours (bars
 * stacked by hub colour), the client's business day (09:00–17:00) marked, and
 * the names behind the selected hour.
 */
import { Globe2, UsersRound } from 'lucide-react';
import { RadioGroup } from 'radix-ui';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRY_TIME_ZONES, type CoverageReport } from '../../../../shared/capacity';
import type { Hub } from '../../../../shared/contract';
import { addDays, weekday } from '../../../../shared/dates';
import { countryName, dateFormat, formatList, formatNumber, intlLocale } from '../../app/format';
import { useApp, useFilterHub } from '../../app/store';
import { useApiQuery } from '../../app/useApi';
import { Card } from '../../components/Card';
import { cn } from '../../components/cn';
import { DateField } from '../../components/DateField';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { Field } from '../../components/Field';
import { HUB_COLOR_CLASS, HubDot } from '../../components/HubDot';
import { Select } from '../../components/Select';
import { Skeleton } from '../../components/Skeleton';
import { Tip } from '../../components/Tooltip';
import { todayIn } from './model';
import { setCoverage, useCapacity } from './store';

/** On a weekend the tab opens on Monday: who is at work on a Saturday is rarely the question. */
function nextWorkday(date: string): string {
  const day = weekday(date);
  return day === 6 ? addDays(date, 2) : day === 7 ? addDays(date, 1) : date;
}

/** The client's business day: 09:00 to 17:00, i.e. the hours starting 9 … 16. */
const BUSINESS = { from: 9, to: 17 } as const;
const inBusiness = (hour: number) => hour >= BUSINESS.from && hour < BUSINESS.to;
const hh = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

function offsetOf(zone: string): string {
  try {
    const part = dateFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName');
    return part?.value ?? '';
  } catch {
    return '';
  }
}

function offsetMinutes(label: string): number {
  const m = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(label);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/** One option per zone of COUNTRY_TIME_ZONES: the city and its country, with the current UTC offset. */
function useZoneOptions() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(() => {
    const byZone = new Map<string, string[]>();
    for (const [country, zone] of Object.entries(COUNTRY_TIME_ZONES))
      byZone.set(zone, [...(byZone.get(zone) ?? []), country]);
    return [...byZone.entries()]
      .map(([zone, countries]) => {
        const city = zone.split('/').at(-1)!.replace(/_/g, ' ');
        const offset = offsetOf(zone);
        return {
          value: zone,
          label: `${city} · ${countries.map((c) => countryName(c, lang)).join(', ')}`,
          hint: offset,
          minutes: offsetMinutes(offset),
        };
      })
      .sort((a, b) => a.minutes - b.minutes || a.label.localeCompare(b.label, intlLocale(lang)));
  }, [lang]);
}

export function CoverageTab() {
  const { t, i18n } = useTranslation('capacity');
  const lang = i18n.language;
  const hubs = useApp((s) => s.hubs);
  // Coverage is the whole team's (a client is served from every hub): with one hub chosen in the top bar, it says so.
  const filterHub = useFilterHub();
  const timeZone = useApp((s) => s.settings?.timeZone);
  const zone = useCapacity((s) => s.coverageZone);
  const chosenDate = useCapacity((s) => s.coverageDate);
  const date = chosenDate ?? nextWorkday(todayIn(timeZone));
  const options = useZoneOptions();
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const report = useApiQuery('capacity/coverage', { timeZone: zone, date: validDate ? date : undefined });

  return (
    <div className="flex flex-col gap-4" data-testid="capacity-coverage">
      <div className="flex flex-wrap items-end gap-3">
        <Field label={t('coverage.zone')} className="w-[320px]">
          {(p) => (
            <Select
              {...p}
              value={zone}
              onChange={(v) => setCoverage({ coverageZone: v })}
              options={options.map(({ value, label, hint }) => ({
                value,
                label,
                hint,
                icon: <Globe2 className="size-3.5 text-faint" aria-hidden="true" />,
              }))}
            />
          )}
        </Field>
        <Field label={t('coverage.date')} className="w-[170px]">
          {(p) => <DateField {...p} value={date} onChange={(d) => setCoverage({ coverageDate: d || null })} />}
        </Field>
        <p className="pb-1.5 text-[12.5px] text-muted">
          {filterHub ? t('coverage.noteAllHubs', { hub: filterHub.name }) : t('coverage.note')}
        </p>
      </div>
      {report.status === 'error' && !report.data ? (
        <Card>
          <ErrorState error={report.error} onRetry={report.reload} />
        </Card>
      ) : !report.data ? (
        <Card className="p-5" role="status" aria-label={t('loading')}>
          <Skeleton className="mb-4 h-5 w-72" />
          <Skeleton className="h-[150px]" />
          <Skeleton className="mt-4 h-16" />
        </Card>
      ) : (
        <CoverageStrip report={report.data} hubs={hubs} lang={lang} />
      )}
    </div>
  );
}

function CoverageStrip({ report, hubs, lang }: { report: CoverageReport; hubs: Hub[]; lang: string }) {
  const { t } = useTranslation('capacity');
  const [selected, setSelected] = useState<number>(BUSINESS.from);
  const hubById = useMemo(() => new Map(hubs.map((h) => [h.id, h])), [hubs]);
  const everyone = useMemo(() => {
    const ids = new Set<number>();
    for (const h of report.hours) for (const p of h.people) ids.add(p.id);
    return ids.size;
  }, [report]);
  const max = Math.max(1, ...report.hours.map((h) => h.people.length));
  const business = report.hours.filter((h) => inBusiness(h.hour));
  const covered = business.filter((h) => h.people.length > 0).length;
  const fewest = business.reduce((m, h) => Math.min(m, h.people.length), Number.POSITIVE_INFINITY);
  const gaps = business.filter((h) => h.people.length === 0).map((h) => hh(h.hour));
  const hour = report.hours[selected] ?? report.hours[0]!;
  const hubOrder = (id: number | null) => (id === null ? Number.MAX_SAFE_INTEGER : id);

  if (everyone === 0)
    return (
      <Card>
        <EmptyState icon={UsersRound} title={t('coverage.emptyTitle')} description={t('coverage.emptyDescription')} />
      </Card>
    );

  const summary = t('coverage.summary', {
    covered,
    total: business.length,
    fewest: Number.isFinite(fewest) ? fewest : 0,
  });

  return (
    <Card className="p-5">
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-[13px] text-fg" data-testid="coverage-summary">
          {summary}
          {gaps.length > 0 ? (
            <span className="text-danger-text"> {t('coverage.gaps', { hours: formatList(gaps, lang) })}</span>
          ) : null}
        </p>
        <ul className="flex flex-wrap items-center gap-3 text-[12px] text-muted" aria-label={t('coverage.hubsLegend')}>
          {hubs.map((h) => (
            <li key={h.id} className="flex items-center gap-1.5">
              <HubDot color={h.color} className="size-2" />
              {h.name}
            </li>
          ))}
        </ul>
      </div>

      <div className="relative">
        {/* The client's business day, behind the hours it covers. */}
        <div
          aria-hidden="true"
          className="absolute top-0 bottom-6 rounded-lg border border-accent/30 bg-accent-soft/60"
          style={{ left: `${(BUSINESS.from / 24) * 100}%`, width: `${((BUSINESS.to - BUSINESS.from) / 24) * 100}%` }}
        >
          <span className="absolute -top-0.5 left-1/2 -translate-x-1/2 -translate-y-full px-1 text-[11px] font-medium whitespace-nowrap text-accent-text">
            {t('coverage.businessDay', { from: hh(BUSINESS.from), to: hh(BUSINESS.to) })}
          </span>
        </div>
        <RadioGroup.Root
          aria-label={t('coverage.stripLabel', { zone: report.timeZone })}
          orientation="horizontal"
          loop={false}
          value={String(selected)}
          onValueChange={(v) => setSelected(Number(v))}
          className="relative mt-5 grid"
          style={{ gridTemplateColumns: 'repeat(24, minmax(0, 1fr))' }}
          data-testid="coverage-strip"
        >
          {report.hours.map((h) => {
            const n = h.people.length;
            const business = inBusiness(h.hour);
            const names = h.people.map((p) => p.name);
            const label = t('coverage.hourLabel', {
              from: hh(h.hour),
              to: hh((h.hour + 1) % 24),
              count: n,
              names: n > 0 ? formatList(names, lang) : '',
            });
            const segments = [...h.people].sort((a, b) => hubOrder(a.hubId) - hubOrder(b.hubId));
            return (
              <Tip key={h.hour} label={n > 0 ? formatList(names, lang) : t('coverage.nobody')} side="top">
                <RadioGroup.Item
                  value={String(h.hour)}
                  // Selection follows focus (the arrow keys), whatever the timing of the key's release.
                  onFocus={() => setSelected(h.hour)}
                  aria-label={label}
                  data-testid="coverage-hour"
                  data-count={n}
                  data-business={business || undefined}
                  className={cn(
                    'group flex flex-col items-center gap-1 rounded-md px-0.5 pt-1 outline-offset-0 transition-colors duration-150',
                    'hover:bg-hover/70 aria-checked:bg-surface aria-checked:ring-2 aria-checked:ring-accent',
                  )}
                >
                  <span
                    aria-hidden="true"
                    className={cn(
                      'text-[11.5px] font-semibold tabular-nums',
                      n === 0 ? (business ? 'text-danger-text' : 'text-faint') : 'text-fg',
                    )}
                  >
                    {formatNumber(n, lang, 0)}
                  </span>
                  <span aria-hidden="true" className="flex h-[110px] w-full max-w-[22px] flex-col justify-end">
                    <span
                      className={cn(
                        'flex w-full flex-col-reverse overflow-hidden rounded-[4px]',
                        n === 0 && 'h-[3px] bg-line-strong',
                      )}
                      style={n > 0 ? { height: `${(n / max) * 100}%` } : undefined}
                    >
                      {segments.map((p) => {
                        const hub = p.hubId === null ? undefined : hubById.get(p.hubId);
                        return (
                          <span
                            key={p.id}
                            className={cn(
                              'min-h-[3px] flex-1 border-t border-surface/70 first:border-t-0',
                              hub ? HUB_COLOR_CLASS[hub.color] : 'bg-faint',
                            )}
                          />
                        );
                      })}
                    </span>
                  </span>
                  <span
                    aria-hidden="true"
                    className={cn('pb-1 text-[10.5px] tabular-nums', business ? 'font-semibold text-fg' : 'text-faint')}
                  >
                    {String(h.hour).padStart(2, '0')}
                  </span>
                </RadioGroup.Item>
              </Tip>
            );
          })}
        </RadioGroup.Root>
      </div>

      <section
        aria-live="polite"
        className="mt-4 rounded-[10px] border border-line bg-subtle/50 px-4 py-3"
        data-testid="coverage-detail"
      >
        <h3 className="text-[13px] font-semibold text-fg">
          {t('coverage.detailTitle', { from: hh(hour.hour), to: hh((hour.hour + 1) % 24), count: hour.people.length })}
          {inBusiness(hour.hour) ? (
            <span className="ml-2 text-[12px] font-normal text-accent-text">{t('coverage.inBusiness')}</span>
          ) : null}
        </h3>
        {hour.people.length === 0 ? (
          <p className="mt-1 text-[12.5px] text-muted">{t('coverage.nobody')}</p>
        ) : (
          <ul className="mt-2 flex flex-wrap gap-1.5">
            {hour.people.map((p) => {
              const hub = p.hubId === null ? undefined : hubById.get(p.hubId);
              return (
                <li
                  key={p.id}
                  className="flex items-center gap-1.5 rounded-full border border-line bg-surface px-2 py-0.5 text-[12.5px] text-fg"
                  data-testid="coverage-person"
                >
                  {hub ? <HubDot color={hub.color} className="size-2" /> : null}
                  {p.name}
                  {hub ? <span className="text-muted">· {hub.name}</span> : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </Card>
  );
}
