/**
 * Window geometry and options. Pure (type-only Electron imports), so the
 * security flags and the "is the saved position still on a screen?" logic are
 * unit-tested without Electron.
 */
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import type { Prefs } from '../../shared/contract';

export type SavedBounds = NonNullable<Prefs['windowBounds']>;

export interface DisplayArea {
  /** The usable part of the display (without task bar / dock / menu bar). */
  workArea: Rectangle;
  primary?: boolean;
}

export const MIN_WIDTH = 1024;
export const MIN_HEIGHT = 680;
export const DEFAULT_WIDTH = 1280;
export const DEFAULT_HEIGHT = 800;
/** How much of the window must be on a display for the saved position to count as visible. */
const MIN_VISIBLE_WIDTH = 160;
const MIN_VISIBLE_HEIGHT = 80;

/** Used when Electron reports no display at all (headless): a common laptop screen. */
const FALLBACK_AREA: Rectangle = { x: 0, y: 0, width: 1440, height: 900 };

function primaryArea(displays: readonly DisplayArea[]): Rectangle {
  return (displays.find((d) => d.primary) ?? displays[0])?.workArea ?? FALLBACK_AREA;
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

function centerIn(area: Rectangle, width: number, height: number): Rectangle {
  return {
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + (area.height - height) / 2),
    width,
    height,
  };
}

/** Keeps `size` between the minimum and what fits in `area`. */
function fitSize(width: number, height: number, area: Rectangle): { width: number; height: number } {
  return {
    width: Math.round(Math.min(Math.max(width, MIN_WIDTH), area.width)),
    height: Math.round(Math.min(Math.max(height, MIN_HEIGHT), area.height)),
  };
}

/**
 * Where the window goes: the saved rectangle when it is still (mostly) on a
 * connected display, moved and shrunk to fit inside that display's work
 * area; otherwise centered on the primary display. Without saved bounds, the
 * default size centered on the primary display.
 */
export function clampBounds(saved: SavedBounds | null | undefined, displays: readonly DisplayArea[]): Rectangle {
  const primary = primaryArea(displays);
  const valid =
    saved &&
    [saved.x, saved.y, saved.width, saved.height].every(Number.isFinite) &&
    saved.width > 0 &&
    saved.height > 0;
  if (!valid) {
    const size = fitSize(DEFAULT_WIDTH, DEFAULT_HEIGHT, primary);
    return centerIn(primary, size.width, size.height);
  }

  let best: { area: Rectangle; visible: number } | null = null;
  for (const d of displays) {
    const o = overlap(saved, d.workArea);
    if (o.width < Math.min(MIN_VISIBLE_WIDTH, saved.width) || o.height < Math.min(MIN_VISIBLE_HEIGHT, saved.height)) {
      continue;
    }
    const visible = o.width * o.height;
    if (!best || visible > best.visible) best = { area: d.workArea, visible };
  }
  if (!best) {
    // Saved on a monitor that is no longer connected: keep the size, recenter on the primary.
    const size = fitSize(saved.width, saved.height, primary);
    return centerIn(primary, size.width, size.height);
  }

  const area = best.area;
  const size = fitSize(saved.width, saved.height, area);
  const x = Math.min(Math.max(Math.round(saved.x), area.x), area.x + area.width - size.width);
  const y = Math.min(Math.max(Math.round(saved.y), area.y), area.y + area.height - size.height);
  return { x, y, ...size };
}

export interface WindowOptionsInput {
  bounds: SavedBounds | null | undefined;
  displays: readonly DisplayArea[];
  preloadPath: string;
  /** Window icon (Linux/Windows in development; packaged builds embed it). */
  iconPath?: string | undefined;
  /** Painted before the renderer's first frame, to avoid a white flash in dark mode. */
  backgroundColor?: string | undefined;
}

/** The one place the main window's options are decided; the security flags are not negotiable. */
export function buildWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  const rect = clampBounds(input.bounds, input.displays);
  const primary = primaryArea(input.displays);
  return {
    ...rect,
    // Screens smaller than the minimum still get a window that fits.
    minWidth: Math.min(MIN_WIDTH, primary.width),
    minHeight: Math.min(MIN_HEIGHT, primary.height),
    title: 'Atalaya',
    show: false,
    backgroundColor: input.backgroundColor ?? '#ffffff',
    autoHideMenuBar: false,
    ...(input.iconPath ? { icon: input.iconPath } : {}),
    webPreferences: {
      preload: input.preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  };
}
