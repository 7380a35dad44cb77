/**
 * Security decisions for the Electron shell, kept pure so they are unit-tested:
 * the Content-Security-Policy, which URLs count as "the app", and what may
 * leave the app (links opened in the user's browser).
 */

export interface CspOptions {
  dev: boolean;
  /** The electron-vite dev server (ELECTRON_RENDERER_URL), in development only. */
  devServerUrl?: string | undefined;
}

/** Only loopback addresses may appear in a development policy. */
function devOrigins(devServerUrl: string | undefined): { http: string; ws: string } {
  if (devServerUrl) {
    try {
      const url = new URL(devServerUrl);
      const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
      if (loopback && (url.protocol === 'http:' || url.protocol === 'https:')) {
        return { http: url.origin, ws: `${url.protocol === 'https:' ? 'wss' : 'ws'}://${url.host}` };
      }
    } catch {
      // fall through to the default
    }
  }
  return { http: 'http://localhost:*', ws: 'ws://localhost:*' };
}

/**
 * The renderer's Content-Security-Policy. Production allows nothing but the
 * app's own files (plus data: images/fonts); development also lets the page
 * talk to the Vite dev server (HMR websocket) and run React Refresh's inline
 * preamble. Never 'unsafe-eval', never a remote host.
 */
export function buildCsp({ dev, devServerUrl }: CspOptions): string {
  const scriptSrc = ["'self'"];
  const connectSrc = ["'self'"];
  if (dev) {
    const origins = devOrigins(devServerUrl);
    // @vitejs/plugin-react injects an inline module script (the React Refresh preamble) in dev.
    scriptSrc.push("'unsafe-inline'");
    connectSrc.push(origins.http, origins.ws);
  }
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', scriptSrc],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', connectSrc],
    ['worker-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['form-action', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for the app itself: the same file (any #route or ?query) when the
 * app is loaded from disk, the same origin when it comes from the dev server.
 */
export function isAllowedNavigation(url: string, appUrl: string): boolean {
  const target = parse(url);
  const app = parse(appUrl);
  if (!target || !app) return false;
  if (app.protocol === 'file:') {
    return target.protocol === 'file:' && target.host === app.host && target.pathname === app.pathname;
  }
  if (app.protocol === 'http:' || app.protocol === 'https:') {
    return target.origin === app.origin;
  }
  return false;
}

/** IPC comes only from frames showing the app (the same test as navigation). */
export const isAppUrl = isAllowedNavigation;

/**
 * Links the renderer tries to open in a new window are never opened inside
 * Atalaya; https and mailto links go to the user's browser / mail client.
 * Returns the URL to hand to `shell.openExternal`, or null to drop it.
 */
export function externalLinkTarget(url: string): string | null {
  const target = parse(url);
  if (!target) return null;
  if (target.protocol === 'https:' && target.hostname !== '' && !target.username && !target.password) {
    return target.href;
  }
  if (target.protocol === 'mailto:') return target.href;
  return null;
}

/**
 * Every permission (camera, notifications, geolocation, …) is denied, except
 * writing text to the clipboard from the app itself ("Copy" buttons).
 */
export function isPermissionAllowed(permission: string, requestingUrl: string, appUrl: string): boolean {
  return permission === 'clipboard-sanitized-write' && isAllowedNavigation(requestingUrl, appUrl);
}
