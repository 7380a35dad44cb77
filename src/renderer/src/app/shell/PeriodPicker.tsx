import { CalendarRange } from 'lucide-react';
import { Popover, ToggleGroup } from 'radix-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { daysBetween } from '../../../../shared/dates';
import { PERIODS, type Period } from '../../../../shared/domain';
import { MAX_PERIOD_DAYS } from '../../../../shared/kpis';
import { Button } from '../../components/Button';
import { cn } from '../../components/cn';
import { DateField } from '../../components/DateField';
import { Field } from '../../components/Field';
import { setPrefs } from '../actions';
import { periodRangeLabel } from '../period';
import { customRangeOf, useApp } from '../store';

/** Today · This week · This month · Custom — applies to every screen. */
export function PeriodPicker() {
  const { t, i18n } = useTranslation();
  const period = useApp((s) => s.prefs.period);
  const prefs = useApp((s) => s.prefs);
  const range = customRangeOf(prefs);
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(range);
  const rangeError =
    draft.from && draft.to
      ? draft.from > draft.to
        ? t('period.rangeInvalid')
        : daysBetween(draft.from, draft.to) >= MAX_PERIOD_DAYS
          ? t('period.rangeTooLong')
          : undefined
      : undefined;
  const invalid = !draft.from || !draft.to || rangeError !== undefined;

  const choose = (value: string) => {
    if (value === '') {
      if (period === 'custom') openRange();
      return;
    }
    if (value === 'custom') openRange();
    else void setPrefs({ period: value as Period });
  };
  const openRange = () => {
    setDraft(customRangeOf(useApp.getState().prefs));
    setOpen(true);
  };
  const apply = () => {
    if (invalid) return;
    void setPrefs({ period: 'custom', customRange: draft });
    setOpen(false);
  };

  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Anchor asChild>
        <ToggleGroup.Root
          type="single"
          value={period}
          onValueChange={choose}
          aria-label={t('period.label')}
          className="flex h-8 shrink-0 items-center rounded-lg border border-line bg-subtle p-0.5"
        >
          {PERIODS.map((p) => (
            <ToggleGroup.Item
              key={p}
              value={p}
              className={cn(
                'flex h-full items-center gap-1.5 whitespace-nowrap rounded-md px-2.5 text-[12.5px] font-medium text-muted transition-colors duration-150',
                'hover:text-fg data-[state=on]:bg-surface data-[state=on]:text-fg data-[state=on]:shadow-sm',
              )}
            >
              {p === 'custom' ? <CalendarRange className="size-3.5" aria-hidden="true" /> : null}
              {p === 'custom' && period === 'custom' ? (
                <>
                  {/* In a narrow window the range in numbers ("1/1 – 11/30"), so the workspace's name keeps room. */}
                  <span className="xl:hidden">{periodRangeLabel(range.from, range.to, i18n.language, true)}</span>
                  <span className="hidden xl:inline">{periodRangeLabel(range.from, range.to, i18n.language)}</span>
                </>
              ) : p === 'custom' ? (
                // A narrow window keeps the calendar icon only, so the workspace's name keeps its room.
                <span className="sr-only xl:not-sr-only">{t('period.custom')}</span>
              ) : (
                t(`period.${p}`)
              )}
            </ToggleGroup.Item>
          ))}
        </ToggleGroup.Root>
      </Popover.Anchor>
      <Popover.Portal>
        <Popover.Content
          align="start"
          sideOffset={6}
          aria-label={t('period.customTitle')}
          className="shadow-float z-50 w-80 animate-slide-down rounded-xl border border-line bg-surface p-4"
        >
          <form
            onSubmit={(e) => {
              e.preventDefault();
              apply();
            }}
          >
            <p className="mb-3 text-[13px] font-semibold text-fg">{t('period.customTitle')}</p>
            <div className="grid grid-cols-2 gap-3">
              <Field label={t('period.from')}>
                {(p) => (
                  <DateField
                    {...p}
                    value={draft.from}
                    max={draft.to || undefined}
                    onChange={(from) => setDraft({ ...draft, from })}
                  />
                )}
              </Field>
              <Field label={t('period.to')} error={rangeError}>
                {(p) => (
                  <DateField
                    {...p}
                    value={draft.to}
                    min={draft.from || undefined}
                    onChange={(to) => setDraft({ ...draft, to })}
                  />
                )}
              </Field>
            </div>
            <div className="mt-4 flex justify-end gap-2">
              <Button size="sm" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
              <Button size="sm" variant="primary" type="submit" disabled={invalid}>
                {t('period.apply')}
              </Button>
            </div>
          </form>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
