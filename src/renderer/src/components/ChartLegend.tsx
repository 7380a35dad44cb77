/** A chart's legend that also shows and hides its series (each entry is a toggle button). */
import { cn } from './cn';

export function ChartLegend<S extends string>({
  label,
  series,
  hidden,
  onToggle,
  colors,
  lines,
  nameOf,
}: {
  label: string;
  series: readonly S[];
  hidden: ReadonlySet<S>;
  onToggle: (series: S) => void;
  colors: Record<S, string>;
  /** Series drawn as a line (a dash in the legend) rather than bars (a square). */
  lines: readonly S[];
  nameOf: (series: S) => string;
}) {
  return (
    <fieldset className="flex flex-wrap items-center gap-1">
      <legend className="sr-only">{label}</legend>
      {series.map((s) => (
        <button
          key={s}
          type="button"
          aria-pressed={!hidden.has(s)}
          onClick={() => onToggle(s)}
          className={cn(
            'flex h-7 items-center gap-1.5 rounded-md px-2 text-[12px] font-medium transition-colors duration-150 hover:bg-hover',
            hidden.has(s) ? 'text-faint line-through' : 'text-muted',
          )}
        >
          <span
            aria-hidden="true"
            className={cn('inline-block', lines.includes(s) ? 'h-0.5 w-3.5 rounded-full' : 'size-2.5 rounded-sm')}
            style={{ background: colors[s], opacity: hidden.has(s) ? 0.35 : 1 }}
          />
          {nameOf(s)}
        </button>
      ))}
    </fieldset>
  );
}
