import { describe, expect, it } from 'vitest';
import {
  buildWindowOptions,
  clampBounds,
  DEFAULT_HEIGHT,
  DEFAULT_WIDTH,
  type DisplayArea,
  MIN_HEIGHT,
  MIN_WIDTH,
} from '../../src/main/platform/window';

const primary: DisplayArea = { workArea: { x: 0, y: 25, width: 1920, height: 1055 }, primary: true };
const right: DisplayArea = { workArea: { x: 1920, y: 0, width: 2560, height: 1440 } };
const small: DisplayArea = { workArea: { x: 0, y: 0, width: 1366, height: 728 }, primary: true };
const saved = (x: number, y: number, width = 1300, height = 850, maximized = false) => ({
  x,
  y,
  width,
  height,
  maximized,
});

function inside(rect: { x: number; y: number; width: number; height: number }, area: DisplayArea['workArea']) {
  return (
    rect.x >= area.x &&
    rect.y >= area.y &&
    rect.x + rect.width <= area.x + area.width &&
    rect.y + rect.height <= area.y + area.height
  );
}

describe('buildWindowOptions', () => {
  const cases = [
    { bounds: null, displays: [primary] },
    { bounds: saved(100, 100), displays: [primary, right] },
    { bounds: saved(-5000, -5000), displays: [primary] },
    { bounds: null, displays: [] },
  ];

  it.each(cases)('always sets the security flags (%#)', (input) => {
    const options = buildWindowOptions({ ...input, preloadPath: '/app/out/preload/index.js' });
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.js',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('uses 1280×800 centered on the primary display by default, min 1024×680, hidden until ready', () => {
    const options = buildWindowOptions({ bounds: null, displays: [right, primary], preloadPath: 'p.js' });
    expect(options).toMatchObject({ width: DEFAULT_WIDTH, height: DEFAULT_HEIGHT, minWidth: 1024, minHeight: 680 });
    expect(options.x).toBe(Math.round((1920 - 1280) / 2));
    expect(options.y).toBe(Math.round(25 + (1055 - 800) / 2));
    expect(options.show).toBe(false);
    expect(MIN_WIDTH).toBe(1024);
    expect(MIN_HEIGHT).toBe(680);
  });

  it('fits the default and the minimum into a screen smaller than them', () => {
    const options = buildWindowOptions({ bounds: null, displays: [small], preloadPath: 'p.js' });
    expect(options.width).toBe(1280);
    expect(options.height).toBe(728);
    expect(options.minHeight).toBe(680);
    const tiny = buildWindowOptions({
      bounds: null,
      displays: [{ workArea: { x: 0, y: 0, width: 1000, height: 600 } }],
      preloadPath: 'p.js',
    });
    expect(tiny).toMatchObject({ width: 1000, height: 600, minWidth: 1000, minHeight: 600 });
  });

  it('passes the icon only when given', () => {
    expect(buildWindowOptions({ bounds: null, displays: [primary], preloadPath: 'p' }).icon).toBeUndefined();
    expect(buildWindowOptions({ bounds: null, displays: [primary], preloadPath: 'p', iconPath: 'i.png' }).icon).toBe(
      'i.png',
    );
  });
});

describe('clampBounds', () => {
  it('keeps a saved position that is fully visible', () => {
    expect(clampBounds(saved(200, 100), [primary, right])).toEqual({ x: 200, y: 100, width: 1300, height: 850 });
    expect(clampBounds(saved(2100, 300), [primary, right])).toEqual({ x: 2100, y: 300, width: 1300, height: 850 });
  });

  it('recenters on the primary display when the saved monitor is gone', () => {
    const rect = clampBounds(saved(2100, 300), [primary]);
    expect(rect).toEqual({ x: 310, y: 128, width: 1300, height: 850 });
    expect(inside(rect, primary.workArea)).toBe(true);
  });

  it('recenters a window that is only a sliver on screen', () => {
    const rect = clampBounds(saved(1900, 500), [primary]);
    expect(inside(rect, primary.workArea)).toBe(true);
    expect(rect.x).toBe(310);
  });

  it('pulls a partly off-screen window fully onto the display it is mostly on', () => {
    const rect = clampBounds(saved(1000, -40), [primary, right]);
    expect(inside(rect, primary.workArea)).toBe(true);
    expect(rect).toEqual({ x: 620, y: 25, width: 1300, height: 850 });
  });

  it('picks the display that shows most of the window', () => {
    const rect = clampBounds(saved(1500, 100), [primary, right]);
    // 420 px on the primary, 880 px on the right display.
    expect(inside(rect, right.workArea)).toBe(true);
  });

  it('shrinks a saved size that no longer fits, and grows one below the minimum', () => {
    expect(clampBounds(saved(0, 0, 3000, 2000), [primary])).toEqual({ x: 0, y: 25, width: 1920, height: 1055 });
    expect(clampBounds(saved(50, 50, 400, 300), [primary])).toMatchObject({ width: 1024, height: 680 });
  });

  it('ignores nonsense and falls back to the default', () => {
    expect(clampBounds(saved(Number.NaN, 0), [primary])).toMatchObject({ width: 1280, height: 800 });
    expect(clampBounds(saved(0, 0, 0, 0), [primary])).toMatchObject({ width: 1280, height: 800 });
    expect(clampBounds(undefined, [])).toMatchObject({ width: 1280, height: 800 });
  });
});
