/** English and Spanish stay complete: every key in one language exists in the other, with the same placeholders. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flattenLocale, type LocaleTree } from './locale-tree';

const RENDERER = path.resolve(__dirname, '..', '..', 'src', 'renderer', 'src');

function localeFolders(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const full = path.join(dir, entry.name);
    if (entry.name === 'locales') found.push(full);
    else found.push(...localeFolders(full));
  }
  return found;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
/** i18next plural forms (`_one`, `_other`, …) differ between languages; compare the base key. */
const baseKey = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe('locales', () => {
  const folders = localeFolders(RENDERER);
  it('finds the shell and feature locale folders', () => {
    expect(folders.length).toBeGreaterThanOrEqual(1);
  });
  for (const folder of folders) {
    it(`${path.relative(RENDERER, folder)}: English and Spanish have the same keys and placeholders`, () => {
      const read = (lang: string) =>
        flattenLocale(JSON.parse(readFileSync(path.join(folder, `${lang}.json`), 'utf8')) as LocaleTree);
      const en = read('en');
      const es = read('es');
      const keys = (m: Map<string, string>) => [...new Set([...m.keys()].map(baseKey))].sort();
      expect(keys(es)).toEqual(keys(en));
      for (const [key, text] of en) {
        const twin = es.get(key) ?? es.get(`${baseKey(key)}_other`);
        if (twin !== undefined) expect(placeholders(twin), key).toEqual(placeholders(text));
      }
    });
  }
});
