/**
 * The pipeline's wording rules (src/renderer/src/features/pipeline/wording.ts): the order in
 * words is a whole, lower-case phrase per column and direction in both languages, and a
 * model factor too small to show (×1.00) is neither for nor against.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  breakdownMaxima,
  movesTheOdds,
  shownReasons,
  sortNoteKey,
} from '../../src/renderer/src/features/pipeline/wording';
import { LEAD_SORT_COLUMNS } from '../../src/shared/leads';
import { DEFAULT_SCORING_WEIGHTS } from '../../src/shared/scoring';

const LOCALES = path.resolve(__dirname, '..', '..', 'src', 'renderer', 'src', 'features', 'pipeline', 'locales');
type Tree = { [key: string]: string | Tree };
const catalog = (lang: string) => JSON.parse(readFileSync(path.join(LOCALES, `${lang}.json`), 'utf8')) as Tree;
const lookup = (tree: Tree, key: string) =>
  key.split('.').reduce<string | Tree | undefined>((node, k) => (typeof node === 'object' ? node[k] : undefined), tree);

describe('sortNoteKey', () => {
  for (const lang of ['en', 'es']) {
    const tree = catalog(lang);
    const labels = Object.values(tree.columns as Record<string, string>);
    it(`${lang}: every column and direction has its own lower-case phrase, with no capitalized column label`, () => {
      const phrases = new Set<string>();
      for (const column of LEAD_SORT_COLUMNS)
        for (const direction of ['asc', 'desc'] as const) {
          const phrase = lookup(tree, sortNoteKey({ column, direction }));
          expect(typeof phrase, `${column} ${direction}`).toBe('string');
          expect(phrase as string).toMatch(/^\p{Ll}/u);
          for (const label of labels) expect(phrase as string).not.toContain(label);
          phrases.add(phrase as string);
        }
      expect(phrases.size).toBe(LEAD_SORT_COLUMNS.length * 2);
    });
  }

  it('says the default order naturally', () => {
    const key = sortNoteKey({ column: 'created_at', direction: 'desc' });
    expect(lookup(catalog('en'), key)).toBe('sorted newest first');
    expect(lookup(catalog('es'), key)).toBe('ordenados del más reciente al más antiguo');
  });
});

describe('the tier as a factor value', () => {
  it('does not repeat the field name ("Tier: 2 · SME", not "Tier: Tier 2 · SME")', () => {
    for (const lang of ['en', 'es']) {
      const tree = catalog(lang);
      const field = lookup(tree, 'feature.tier') as string;
      for (const tier of ['1', '2', '3']) {
        const value = lookup(tree, `tier.value.${tier}`) as string;
        expect(value).toMatch(new RegExp(`^${tier} · `));
        expect(value).not.toContain(field);
      }
    }
  });
});

describe('movesTheOdds', () => {
  it('treats a multiplier that rounds to ×1.00 as neutral, either way', () => {
    expect(movesTheOdds({ effect: 0 })).toBe(false);
    expect(movesTheOdds({ effect: Math.log(1.004) })).toBe(false);
    expect(movesTheOdds({ effect: Math.log(0.996) })).toBe(false);
    expect(movesTheOdds({ effect: Math.log(1.0049) })).toBe(false);
  });

  it('keeps a pull that shows as ×1.01 or more', () => {
    expect(movesTheOdds({ effect: Math.log(1.006) })).toBe(true);
    expect(movesTheOdds({ effect: Math.log(1.03) })).toBe(true);
    expect(movesTheOdds({ effect: -Math.log(1.03) })).toBe(true);
    expect(movesTheOdds({ effect: Math.log(4.3) })).toBe(true);
  });

  it('leaves neutral factors out of both lists and keeps the order of the rest', () => {
    const f = (effect: number) => ({ effect });
    const shown = shownReasons({
      for: [f(Math.log(1.29)), f(Math.log(1.06)), f(Math.log(1.003))],
      against: [f(-Math.log(4.3)), f(-Math.log(1.002))],
    });
    expect(shown.for.map((x) => Math.exp(x.effect).toFixed(2))).toEqual(['1.29', '1.06']);
    expect(shown.against.map((x) => Math.exp(-x.effect).toFixed(2))).toEqual(['4.30']);
  });
});

describe('what a breakdown is shown against', () => {
  const inForce = { ...DEFAULT_SCORING_WEIGHTS.points, budget: 5, engagement: 35 };
  const earlier = DEFAULT_SCORING_WEIGHTS.points;

  it('the maxima it was made with, said to be earlier ones when the weights changed since (a cancelled rescore)', () => {
    expect(breakdownMaxima(earlier, inForce)).toEqual({ max: earlier, earlier: true });
    expect(breakdownMaxima({ ...inForce }, inForce)).toEqual({ max: inForce, earlier: false });
  });

  it('the weights in force when the breakdown does not say (stored before it did), or none while they load', () => {
    expect(breakdownMaxima(null, inForce)).toEqual({ max: inForce, earlier: false });
    expect(breakdownMaxima(earlier, null)).toEqual({ max: earlier, earlier: false });
    expect(breakdownMaxima(null, null)).toEqual({ max: null, earlier: false });
  });
});
