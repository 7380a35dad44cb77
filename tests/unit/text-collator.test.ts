/**
 * Names and labels sort in the person's language (src/renderer/src/app/format.ts
 * textCollator): Spanish has Ñ as a letter of its own after N, English sorts it
 * as an N; case and accents never split the order; numbers in names sort as numbers.
 */
import { describe, expect, it } from 'vitest';
import { textCollator } from '../../src/renderer/src/app/format';

const sorted = (lang: string, names: string[]) => [...names].sort(textCollator(lang).compare);

describe('textCollator', () => {
  it('puts "Ñandú" after "Nube" and before "Oro" in Spanish, before "Nube" in English', () => {
    const names = ['Oro', 'Ñandú', 'Nube'];
    expect(sorted('es', names)).toEqual(['Nube', 'Ñandú', 'Oro']);
    expect(sorted('es-419', names)).toEqual(['Nube', 'Ñandú', 'Oro']);
    expect(sorted('en', names)).toEqual(['Ñandú', 'Nube', 'Oro']);
  });

  it('ignores case and accents, and reads numbers in names as numbers', () => {
    const es = textCollator('es');
    expect(es.compare('álvaro', 'Alvaro')).toBe(0);
    expect(es.compare('nube', 'Nube')).toBe(0);
    expect(sorted('es', ['Sede 10', 'Sede 2', 'Sede 1'])).toEqual(['Sede 1', 'Sede 2', 'Sede 10']);
  });

  it('is shared per language (a table sorts thousands of rows with one collator)', () => {
    expect(textCollator('es')).toBe(textCollator('es-419'));
    expect(textCollator('en')).not.toBe(textCollator('es'));
    const options = textCollator('es').resolvedOptions();
    expect(options.locale).toMatch(/^es\b/);
    expect(options).toMatchObject({ sensitivity: 'base', numeric: true });
  });
});
