/**
 * Keeps Electron at the edges: only the thin shell files may import it at
 * runtime; the pure platform/ipc helpers (unit-tested here) and the core may
 * use its types at most. The preload imports nothing but Electron and type-only
 * or constant modules, because a sandboxed preload cannot require() packages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
const read = (rel: string) => readFileSync(path.join(root, rel), 'utf8');

function tsFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

/** `import … from 'electron'` that survives compilation (not `import type`). */
const runtimeElectronImport = /^\s*import\s+(?!type\s)[^;]*from\s+['"]electron['"]/m;

describe('Electron boundaries', () => {
  const thin = new Set(['src/main/index.ts', 'src/main/ipc/router.ts'].map((f) => path.normalize(f)));

  it('only index.ts and ipc/router.ts import electron at runtime in main/ipc and main/platform', () => {
    for (const file of [...tsFiles('src/main/platform'), ...tsFiles('src/main/ipc'), 'src/main/index.ts']) {
      expect(runtimeElectronImport.test(read(file)), file).toBe(thin.has(path.normalize(file)));
    }
  });

  it('the core never imports electron', () => {
    for (const file of tsFiles('src/main/core')) {
      expect(read(file), file).not.toMatch(/from\s+['"]electron['"]|require\(['"]electron['"]\)/);
    }
  });

  it('the preload imports only electron, types and the channel names', () => {
    const source = read('src/preload/index.ts');
    const imports = [...source.matchAll(/^import\s+(type\s+)?[^;]*?from\s+['"]([^'"]+)['"]/gms)].map((m) => ({
      typeOnly: Boolean(m[1]),
      from: m[2],
    }));
    const runtime = imports.filter((i) => !i.typeOnly).map((i) => i.from);
    expect(runtime.sort()).toEqual(['../main/ipc/channels', 'electron']);
    expect(read('src/main/ipc/channels.ts')).not.toMatch(/^import /m);
  });
});
