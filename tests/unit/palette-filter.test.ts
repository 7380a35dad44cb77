/**
 * The command palette's matching (src/renderer/src/app/shell/paletteFilter.ts): every word
 * typed must begin a word of the command's label or keywords, case and accents aside; a
 * scattered subsequence of letters ("ceiba" in "Collapse sidebar") matches nothing, and a
 * label that begins with the query ranks above one that only contains its words.
 */
import { describe, expect, it } from 'vitest';
import { PALETTE_SCORE, paletteFilter, paletteWords } from '../../src/renderer/src/app/shell/paletteFilter';

const { labelStart, labelWords, keywordWords, none } = PALETTE_SCORE;

describe('paletteWords', () => {
  it('splits on anything but letters and digits, lower-case and without accents', () => {
    expect(paletteWords('Configuración › Datos')).toEqual(['configuracion', 'datos']);
    expect(paletteWords('  Theme: Dark ')).toEqual(['theme', 'dark']);
    expect(paletteWords('Open a workspace file…')).toEqual(['open', 'a', 'workspace', 'file']);
    expect(paletteWords('Señal 2026')).toEqual(['senal', '2026']);
    expect(paletteWords(' › ')).toEqual([]);
  });
});

describe('paletteFilter', () => {
  it('matches no command on letters that merely occur in order (a client name)', () => {
    for (const label of ['Collapse sidebar', 'Close workspace', 'Open a workspace file…', 'Capacity']) {
      expect(paletteFilter(label, 'ceiba', ['sidebar', 'barra lateral']), label).toBe(none);
    }
    expect(paletteFilter('Collapse sidebar', 'clsd')).toBe(none);
    // A word must begin a word: the middle of one is not enough.
    expect(paletteFilter('Collapse sidebar', 'lapse')).toBe(none);
    expect(paletteFilter('Collapse sidebar', 'bar')).toBe(none);
  });

  it('matches when every word typed begins a word of the label', () => {
    expect(paletteFilter('Collapse sidebar', 'coll')).toBe(labelStart);
    expect(paletteFilter('Collapse sidebar', 'side')).toBe(labelWords);
    expect(paletteFilter('Collapse sidebar', 'side coll')).toBe(labelWords);
    expect(paletteFilter('Settings › Service catalogue', 'service catalogue')).toBe(labelWords);
    expect(paletteFilter('Collapse sidebar', 'coll xyz')).toBe(none);
  });

  it('ranks a label that begins with the query first, word for word', () => {
    expect(paletteFilter('Theme: Dark', 'Theme: Dark')).toBe(labelStart);
    expect(paletteFilter('Theme: Dark', 'theme d')).toBe(labelStart);
    expect(paletteFilter('Settings › Data', 'Settings › Data')).toBe(labelStart);
    expect(paletteFilter('Settings', 'Settings › Data')).toBe(none);
    // Only the last word may be unfinished.
    expect(paletteFilter('Theme: Dark', 'the dark')).toBe(labelWords);
    expect(paletteFilter('Finanzas', 'Finanzas')).toBeGreaterThan(
      paletteFilter('Configuración › Finanzas', 'Finanzas'),
    );
    expect(labelStart).toBeGreaterThan(labelWords);
    expect(labelWords).toBeGreaterThan(keywordWords);
    expect(keywordWords).toBeGreaterThan(none);
  });

  it('ignores case and accents, in the query and in the label', () => {
    expect(paletteFilter('Language: Español', 'espanol')).toBe(labelWords);
    expect(paletteFilter('Idioma: Español', 'IDIOMA ESPAÑOL')).toBe(labelStart);
    expect(paletteFilter('Configuración › Datos', 'configuracion')).toBe(labelStart);
    expect(paletteFilter('Configuración › Datos', 'Datos')).toBe(labelWords);
  });

  it('finds a command by its keywords (the other language, synonyms), below its label', () => {
    const language = ['Language: Español', 'Idioma: Español', 'language', 'idioma'];
    expect(paletteFilter('Language: Español', 'idioma', language)).toBe(keywordWords);
    expect(paletteFilter('Language: Español', 'idioma espanol', language)).toBe(keywordWords);
    expect(paletteFilter('Theme: Dark', 'Oscuro', ['Theme: Dark', 'Tema: Oscuro', 'Appearance', 'Apariencia'])).toBe(
      keywordWords,
    );
    expect(paletteFilter('Collapse sidebar', 'barra lat', ['Contraer barra lateral', 'sidebar', 'barra lateral'])).toBe(
      keywordWords,
    );
    expect(paletteFilter('Collapse sidebar', 'ceiba', ['Contraer barra lateral'])).toBe(none);
  });

  it('hides nothing while the query has no words', () => {
    expect(paletteFilter('Collapse sidebar', '   ')).toBeGreaterThan(none);
    expect(paletteFilter('Collapse sidebar', '›')).toBeGreaterThan(none);
  });
});
