/** English and Spanish stay complete: every key in one language exists in the other, with the same placeholders. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

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

type Tree = { [key: string]: string | Tree };
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(name, value);
    else for (const [k, v] of flatten(value, name)) out.set(k, v);
  }
  return out;
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
        flatten(JSON.parse(readFileSync(path.join(folder, `${lang}.json`), 'utf8')) as Tree);
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
