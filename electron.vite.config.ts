import { resolve } from 'node:path';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/** Where the build goes: `out/` unless ATALAYA_BUILD_DIR names another folder at the root (parallel work). */
const BUILD_DIR = resolve(__dirname, process.env.ATALAYA_BUILD_DIR ?? 'out');

/**
 * One build for the three hosts. The main build bundles every Node entry:
 * the Electron shell, the core worker, the CLI, the browser host and the
 * benchmark harness (with its memory probe); none but `index` may import 'electron'.
 */
export default defineConfig({
  main: {
    build: {
      outDir: resolve(BUILD_DIR, 'main'),
      // Dev dependencies are bundled by default; the bench drives Chromium through Playwright at run time.
      externalizeDeps: { include: ['@playwright/test'] },
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          worker: resolve(__dirname, 'src/main/core/worker.ts'),
          cli: resolve(__dirname, 'src/main/hosts/cli.ts'),
          web: resolve(__dirname, 'src/main/hosts/web-main.ts'),
          bench: resolve(__dirname, 'bench/run.ts'),
          'memory-probe': resolve(__dirname, 'bench/memory-probe.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(BUILD_DIR, 'preload'),
      // A sandboxed preload cannot require() packages: bundle everything into one file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react(), tailwindcss()],
    build: {
      outDir: resolve(BUILD_DIR, 'renderer'),
      // electron-vite leaves every bundle unminified; the renderer is the one whose size costs start-up time.
      minify: true,
      // Loaded from disk by a desktop app, not over a network: one ~700 kB chunk is fine.
      chunkSizeWarningLimit: 1024,
      rolldownOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
