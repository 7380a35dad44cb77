/**
 * The core's error catalog (src/shared/errors.ts) and the UI's `coreError`
 * translations cannot drift: every key is in English and Spanish, the English
 * locale renders to exactly the sentence the core sends (sample params
 * included), the sentences the pure rules make map to a key, and the renderer
 * shows the Spanish sentence (domain values and list parts translated).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { deliveryBlockers, gateOrderProblem } from '../../src/main/core/projects/engine';
import { changeProblem } from '../../src/main/core/subscriptions/engine';
import { ERROR_ENUM_LABELS, errorText } from '../../src/renderer/src/app/errors';
import { formatNumber, intlLocale } from '../../src/renderer/src/app/format';
import { PROJECT_STAGES } from '../../src/shared/domain';
import {
  amountText,
  CORE_ERRORS,
  type CoreErrorEntry,
  type CoreErrorKey,
  ERROR_ENUMS,
  failure,
  keysUnder,
  refFor,
  renderCoreError,
} from '../../src/shared/errors';
import { GATE_CHECKLISTS, type GateState, moveProblem, reviewerProblem } from '../../src/shared/pipeline';
import { AppFailure, type ErrorParams, type ErrorRef } from '../../src/shared/result';
import { flattenLocale, type LocaleTree } from './locale-tree';

const ROOT = path.resolve(__dirname, '..', '..');
const LOCALES = path.join(ROOT, 'src', 'renderer', 'src', 'app', 'locales');
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as LocaleTree;

const en = readJson(path.join(LOCALES, 'en.json'));
const es = readJson(path.join(LOCALES, 'es.json'));
const pipelineEn = readJson(path.join(ROOT, 'src/renderer/src/features/pipeline/locales/en.json'));
const pipelineEs = readJson(path.join(ROOT, 'src/renderer/src/features/pipeline/locales/es.json'));
const enCore = flattenLocale((en.coreError ?? {}) as LocaleTree);
const esCore = flattenLocale((es.coreError ?? {}) as LocaleTree);
const KEYS = Object.keys(CORE_ERRORS) as CoreErrorKey[];
const PLURAL = /_(zero|one|two|few|many|other)$/;
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!))].sort();

/** Keyed parts for the list params (each list key needs a sample here). */
const LIST_SAMPLES: Record<string, Record<string, ErrorRef[]>> = {
  'hub.inUse': {
    records: [
      { key: 'hub.inUseRecords.people', params: { count: 1 } },
      { key: 'hub.inUseRecords.clients', params: { count: 3 } },
    ],
  },
  'project.notReady': {
    blockers: [
      { key: 'project.blocker.inDiscovery' },
      { key: 'project.blocker.gateFailed', params: { gate: 2 } },
      { key: 'project.blocker.gateNotReviewed', params: { gate: 3 } },
    ],
  },
};

/** Sample params for a key: a number for counts, ids and gates, a distinct text for the rest. */
function sample(key: CoreErrorKey): ErrorParams {
  const params: ErrorParams = {};
  for (const name of placeholders(CORE_ERRORS[key].en)) {
    const list = LIST_SAMPLES[key]?.[name];
    if (list) params[name] = list;
    else if (/^(count|id|pid|gate|previous|hours|version|known)$/.test(name)) params[name] = 7;
    else params[name] = `‹${name}›`;
  }
  return params;
}

/** The English locale as i18next renders it, with the same params (domain values as they are). */
function renderEnglishLocale(ref: ErrorRef): string {
  const entry = CORE_ERRORS[ref.key as CoreErrorKey] as { lists?: Record<string, string> };
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(ref.params ?? {}))
    values[name] = Array.isArray(value) ? value.map(renderEnglishLocale).join(entry.lists?.[name]) : value;
  return i18n.getFixedT('en')(`coreError.${ref.key}`, values);
}

beforeAll(async () => {
  await i18n.init({
    resources: { en: { translation: en, pipeline: pipelineEn }, es: { translation: es, pipeline: pipelineEs } },
    lng: 'en',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
});

describe('the core error catalog and the coreError locales', () => {
  it('has every key in English and in Spanish, and nothing else there', () => {
    expect(KEYS.length).toBeGreaterThan(100);
    const base = (m: Map<string, string>) => [...new Set([...m.keys()].map((k) => k.replace(PLURAL, '')))].sort();
    expect(base(enCore)).toEqual([...KEYS].sort());
    expect(base(esCore)).toEqual([...KEYS].sort());
  });

  it('keeps each English translation equal to the template the core renders (singular and plural when it has both)', () => {
    for (const key of KEYS) {
      const entry: CoreErrorEntry = CORE_ERRORS[key];
      if (entry.one === undefined) expect(enCore.get(key), key).toBe(entry.en);
      else {
        expect(enCore.get(`${key}_one`), key).toBe(entry.one);
        expect(enCore.get(`${key}_other`), key).toBe(entry.en);
      }
    }
  });

  it('renders English from the locale exactly as the core sends it, for sample params (and a count of 1)', () => {
    const make = failure as unknown as (code: 'BAD_REQUEST', key: string, params: ErrorParams) => AppFailure;
    for (const key of KEYS) {
      const samples = [sample(key)];
      if ('count' in samples[0]!) samples.push({ ...samples[0]!, count: 1 });
      for (const params of samples) {
        const core = make('BAD_REQUEST', key, params).message;
        expect(core, key).toBe(renderCoreError({ key, params }));
        expect(renderEnglishLocale({ key, params }), `${key} ${JSON.stringify(params)}`).toBe(core);
        expect(core, `${key} leaves a placeholder`).not.toMatch(/\{\{|undefined/);
      }
    }
    expect(renderCoreError({ key: 'hub.inUseRecords.clients', params: { count: 1 } })).toBe('1 client');
    expect(renderCoreError({ key: 'hub.inUseRecords.clients', params: { count: 2 } })).toBe('2 clients');
  });

  it('translates every key into Spanish with the same placeholders', () => {
    for (const key of KEYS) {
      const forms = [...esCore].filter(([k]) => k.replace(PLURAL, '') === key).map(([, v]) => v);
      expect(forms.length, key).toBeGreaterThan(0);
      for (const text of forms) {
        expect(placeholders(text), key).toEqual(placeholders(CORE_ERRORS[key].en));
        expect(text, `${key} is still English`).not.toBe(CORE_ERRORS[key].en);
      }
    }
  });

  it('names no key inside another (i18next nests on dots) and gives each list key a sample', () => {
    for (const a of KEYS) for (const b of KEYS) expect(b.startsWith(`${a}.`), `${a} / ${b}`).toBe(false);
    for (const key of KEYS) {
      const lists = (CORE_ERRORS[key] as { lists?: Record<string, string> }).lists;
      for (const name of Object.keys(lists ?? {})) expect(LIST_SAMPLES[key]?.[name], `${key}.${name}`).toBeDefined();
    }
  });

  it('has a Spanish label for every domain value a sentence can name', () => {
    const labels = { pipeline: flattenLocale(pipelineEs) };
    for (const [domain, values] of Object.entries(ERROR_ENUMS)) {
      const [ns, prefix] = ERROR_ENUM_LABELS[domain as keyof typeof ERROR_ENUMS].split(':') as [
        keyof typeof labels,
        string,
      ];
      for (const value of values) expect(labels[ns]?.get(`${prefix}.${value}`), `${domain} ${value}`).toBeTruthy();
    }
  });

  it('uses every key somewhere in the main process: the core or a host (literally, or as a family the core picks from)', () => {
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.ts')) sources.push(readFileSync(full, 'utf8'));
      }
    };
    walk(path.join(ROOT, 'src', 'main'));
    const code = sources.join('\n');
    const families = [
      ...[...code.matchAll(/`([\w.]+\.)\$\{/g)].map((m) => m[1]!),
      ...[...code.matchAll(/keysUnder\('([\w.]+)'/g)].map((m) => m[1]!),
    ];
    const parts = Object.values(LIST_SAMPLES).flatMap((lists) =>
      Object.values(lists)
        .flat()
        .map((r) => r.key),
    );
    for (const key of KEYS) {
      const used =
        code.includes(`'${key}'`) || families.some((f) => key.startsWith(f)) || parts.includes(key as string);
      expect(used, `${key} is not used by the core`).toBe(true);
    }
  });
});

describe('sentences made by the pure rules carry a key', () => {
  it('every refusal of a project move', () => {
    const sentences = new Set<string>([
      'Deliver the project instead: it checks the gates and issues the final invoice.',
    ]);
    for (const from of PROJECT_STAGES)
      for (const to of PROJECT_STAGES) {
        const problem = moveProblem(from, to);
        if (problem) sentences.add(problem);
      }
    expect(sentences.size).toBeGreaterThanOrEqual(6);
    for (const s of sentences) expect(refFor(s, keysUnder('project.move.')), s).toBeDefined();
  });

  it('every gate refusal and delivery blocker', () => {
    const gate = (g: 1 | 2 | 3, passed: boolean | null): GateState => ({
      gate: g,
      passed,
      reviewerId: null,
      reviewerName: null,
      checklist: Object.fromEntries(GATE_CHECKLISTS[g].map((i) => [i, false])),
      notes: null,
      at: null,
    });
    for (const g of [2, 3] as const) {
      const who = reviewerProblem(g, null)!;
      expect(refFor(who, keysUnder('project.reviewer', { gate: g })), who).toBeDefined();
      const order = gateOrderProblem([gate(1, false), gate(2, null), gate(3, null)], g)!;
      expect(refFor(order, keysUnder('project.gateOrder', { previous: g - 1, gate: g })), order).toBeDefined();
    }
    const states = [null, false, true] as const;
    for (const stage of ['discovery', 'production'] as const)
      for (const a of states)
        for (const b of states)
          for (const c of states) {
            const blockers = deliveryBlockers(stage, [gate(1, a), gate(2, b), gate(3, c)]);
            for (const line of blockers) {
              const ref = refFor(line, keysUnder('project.blocker.', { gate: 1 }, { gate: 2 }, { gate: 3 }));
              expect(ref, line).toBeDefined();
            }
          }
  });

  it('every refusal of a subscription change', () => {
    const start = { kind: 'start' as const, effectiveOn: '2026-01-01', feeMinor: 50_000 };
    const paused = [start, { kind: 'pause' as const, effectiveOn: '2026-03-01', feeMinor: null }];
    const cancelled = [start, { kind: 'cancel' as const, effectiveOn: '2026-03-01', feeMinor: null }];
    const cases = [
      changeProblem([], { kind: 'pause', effectiveOn: '2026-02-01', feeMinor: null }),
      changeProblem([start], { kind: 'pause', effectiveOn: '2025-12-01', feeMinor: null }),
      changeProblem(cancelled, { kind: 'pause', effectiveOn: '2026-04-01', feeMinor: null }),
      changeProblem([start], { kind: 'start', effectiveOn: '2026-02-01', feeMinor: 1 }),
      changeProblem([start], { kind: 'change', effectiveOn: '2026-02-01', feeMinor: 50_000 }),
      changeProblem(paused, { kind: 'pause', effectiveOn: '2026-04-01', feeMinor: null }),
      changeProblem([start], { kind: 'resume', effectiveOn: '2026-02-01', feeMinor: null }),
    ];
    expect(new Set(cases).size).toBe(7);
    for (const problem of cases) {
      expect(problem).not.toBeNull();
      const dates = [...paused, ...cancelled].map((c) => ({ last: c.effectiveOn }));
      expect(refFor(problem!, keysUnder('subscription.change.', ...dates)), problem!).toBeDefined();
    }
  });

  it('attaches no key when the sentence says something else', () => {
    expect(refFor('The project moved to the moon.', keysUnder('project.move.'))).toBeUndefined();
    expect(new AppFailure('CONFLICT', 'Plain sentence.').toError()).toEqual({
      code: 'CONFLICT',
      message: 'Plain sentence.',
    });
  });
});

describe('errorText in the renderer', () => {
  const moved = failure('CONFLICT', 'lead.movedMeanwhile', { from: 'qualified', to: 'new' }, 'stage').toError();

  it('shows the core sentence itself in English', async () => {
    await i18n.changeLanguage('en');
    expect(errorText(moved)).toBe('The lead moved from qualified to new in the meantime; nothing was changed.');
  });

  it('writes the days a sentence names as the English screens do, not as ISO dates', async () => {
    await i18n.changeLanguage('en');
    const overlap = failure('CONFLICT', 'timeOff.overlap', { start: '2026-12-07', end: '2026-12-11' }).toError();
    expect(overlap.message).toContain('2026-12-07');
    expect(errorText(overlap)).toBe('This overlaps time off already booked from Dec 7, 2026 to Dec 11, 2026.');
    const month = failure('CONFLICT', 'subscription.monthInvoiced', { month: '2026-11' }).toError();
    expect(errorText(month)).toBe('November 2026 of this subscription is already invoiced.');
  });

  it('translates a keyed error into Spanish, with domain values and list parts translated', async () => {
    await i18n.changeLanguage('es');
    expect(moved).toMatchObject({ code: 'CONFLICT', field: 'stage', key: 'lead.movedMeanwhile' });
    expect(errorText(moved)).toBe('Mientras tanto, el prospecto pasó de calificado a nuevo; no se cambió nada.');
    const hub = failure('CONFLICT', 'hub.inUse', {
      name: 'Caracas',
      records: [
        { key: 'hub.inUseRecords.people', params: { count: 1 } },
        { key: 'hub.inUseRecords.projects', params: { count: 12 } },
      ],
    }).toError();
    expect(hub.message).toBe(
      'Caracas still has 1 person, 12 projects. Move them to another hub first; nothing was deleted.',
    );
    const spanish =
      'Caracas todavía tiene 1 persona, 12 proyectos. Primero pasa esos registros a otra sede; no se eliminó nada.';
    expect(errorText(hub)).toBe(spanish);
    // Found by their count, not by English to fall back on: Spanish has only the plural forms of these parts.
    const fallback = i18n.options.fallbackLng;
    i18n.options.fallbackLng = false;
    try {
      expect(errorText(hub)).toBe(spanish);
    } finally {
      i18n.options.fallbackLng = fallback;
    }
  });

  it('shows the days and months a sentence names as the language writes them', async () => {
    await i18n.changeLanguage('es');
    const order = failure('BAD_REQUEST', 'invoice.numberOrder', { series: 'INV-2026', date: '2026-12-05' }).toError();
    expect(order.message).toContain('2026-12-05');
    expect(errorText(order)).toBe(
      'Las facturas se numeran por fecha: la última de INV-2026 se emitió el 5 dic 2026; usa esa fecha o una posterior.',
    );
    const month = failure('CONFLICT', 'subscription.monthInvoiced', { month: '2026-11' }).toError();
    expect(errorText(month)).toMatch(/^noviembre de 2026 /);
  });

  it('writes amounts with their decimals and grouping, as both languages of the UI write numbers', async () => {
    await i18n.changeLanguage('es');
    const over = failure('BAD_REQUEST', 'invoice.paymentOverBalance', {
      amount: amountText(1_250_050, 'USD'),
      balance: amountText(980_000, 'USD'),
      currency: 'USD',
    }).toError();
    expect(over.message).toBe('The payment (12,500.50 USD) is more than the balance (9,800.00 USD).');
    expect(errorText(over)).toBe('El pago (12,500.50 USD) supera el saldo (9,800.00 USD).');
    // The Spanish UI's numbers (es-419) group and point the same way, so the sentence reads like the screens.
    expect(formatNumber(12_500.5, intlLocale('es'), 2)).toBe('12,500.5');
    expect(amountText(5, 'EUR')).toBe('0.05');
  });

  it("translates a shared schema's sentence the core sent back without a key", async () => {
    await i18n.changeLanguage('es');
    // As the core's dispatcher sends them (src/main/core/dispatch.ts): the field named after the sentence.
    const range = {
      code: 'BAD_REQUEST',
      message: 'The end date cannot be before the start date. (endDate)',
      field: 'endDate',
    };
    expect(errorText(range)).toBe('La fecha de fin no puede ser anterior a la de inicio.');
    const empty = { message: 'Company cannot be empty. (company)', field: 'company' };
    expect(errorText(empty)).toBe('Este campo no puede quedar vacío.');
    // The host's own checks send the sentence alone.
    expect(errorText({ message: 'Company cannot be empty.' })).toBe('Este campo no puede quedar vacío.');
    // Limits of a thousand or more are written with grouping.
    expect(errorText({ message: 'A note can be at most 2,000 characters. (note)', field: 'note' })).toBe(
      'Usa como máximo 2,000 caracteres.',
    );
    await i18n.changeLanguage('en');
    expect(errorText(range)).toBe('The end date cannot be before the start date. (endDate)');
  });

  it('falls back to the core sentence for keyless and unknown keys', async () => {
    await i18n.changeLanguage('es');
    expect(errorText({ message: 'Atalaya could not do that.' })).toBe('Atalaya could not do that.');
    expect(errorText({ message: 'From a newer core.', key: 'lead.teleported' })).toBe('From a newer core.');
    expect(
      errorText({
        message: 'Not ready.',
        key: 'project.notReady',
        params: { blockers: [{ key: 'project.blocker.unknown' }] },
      }),
    ).toBe('Not ready.');
  });
});
