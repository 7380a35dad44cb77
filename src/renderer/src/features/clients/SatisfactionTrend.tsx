import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { ClientDetail } from '../../../../shared/money';
import { dateFormat, formatDate, formatNumber, intlLocale } from '../../app/format';

type Point = ClientDetail['satisfaction'][number];

/** A sentence a screen reader (and everyone) can read instead of the chart. */
export function satisfactionSummary(points: Point[], t: TFunction<'clients'>, locale: string) {
  if (points.length === 0) return t('satisfaction.none');
  const n = (v: number) => formatNumber(v, locale, 1);
  const mean = points.reduce((s, p) => s + p.score, 0) / points.length;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  if (points.length === 1) return t('satisfaction.one', { score: n(last.score), date: formatDate(last.date, locale) });
  const trend = last.score > first.score ? 'up' : last.score < first.score ? 'down' : 'flat';
  return t(`satisfaction.summary.${trend}`, {
    count: points.length,
    ratings: n(points.length),
    mean: n(mean),
    first: n(first.score),
    last: n(last.score),
    from: formatDate(first.date, locale),
    to: formatDate(last.date, locale),
  });
}

const shortDate = (iso: string, locale: string) =>
  dateFormat(intlLocale(locale), { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T12:00:00Z`),
  );

/** Satisfaction (1–10) of delivered projects over time, with the 9/10 target dashed. */
export function SatisfactionTrend({ points }: { points: Point[] }) {
  const { t, i18n } = useTranslation('clients');
  const locale = i18n.language;
  const summaryId = useId();
  const summary = satisfactionSummary(points, t, locale);
  return (
    <figure aria-describedby={summaryId} className="m-0" data-testid="satisfaction-trend">
      {points.length > 1 ? (
        <div aria-hidden="true" className="text-muted">
          <LineChart
            responsive
            style={{ width: '100%', height: 180 }}
            data={points}
            margin={{ top: 8, right: 16, bottom: 0, left: -16 }}
          >
            <CartesianGrid stroke="var(--line)" vertical={false} />
            <XAxis
              dataKey="date"
              tickFormatter={(d: string) => shortDate(d, locale)}
              stroke="var(--faint)"
              fontSize={11}
              tickLine={false}
              axisLine={false}
              minTickGap={24}
            />
            <YAxis
              domain={[0, 10]}
              ticks={[0, 5, 10]}
              stroke="var(--faint)"
              fontSize={11}
              tickLine={false}
              axisLine={false}
            />
            <ReferenceLine y={9} stroke="var(--faint)" strokeDasharray="4 4" />
            <Tooltip
              formatter={(value) => [formatNumber(Number(value), locale, 1), t('satisfaction.score')]}
              labelFormatter={(label) => formatDate(String(label), locale)}
              contentStyle={{
                background: 'var(--surface)',
                border: '1px solid var(--line)',
                borderRadius: 8,
                fontSize: 12,
                color: 'var(--fg)',
              }}
            />
            <Line
              type="monotone"
              dataKey="score"
              stroke="var(--accent)"
              strokeWidth={2}
              dot={{ r: 3, fill: 'var(--accent)' }}
              isAnimationActive={false}
            />
          </LineChart>
        </div>
      ) : null}
      <figcaption id={summaryId} className="mt-2 text-[13px] text-muted">
        {summary}
        {points.length > 1 ? <span className="ml-1 text-faint">{t('satisfaction.target')}</span> : null}
      </figcaption>
    </figure>
  );
}
