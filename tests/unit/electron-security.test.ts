import { describe, expect, it } from 'vitest';
import {
  buildCsp,
  externalLinkTarget,
  isAllowedNavigation,
  isPermissionAllowed,
} from '../../src/main/platform/security';

const directives = (csp: string) =>
  new Map(
    csp.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name ?? '', sources] as const;
    }),
  );

const REMOTE = /(https?|wss?):\/\/(?!localhost[:/]|localhost$|127\.0\.0\.1|\[::1\])/;

describe('buildCsp', () => {
  const prod = buildCsp({ dev: false });
  const dev = buildCsp({ dev: true, devServerUrl: 'http://localhost:5173/' });

  it('locks production down to the app itself', () => {
    const d = directives(prod);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(d.get('img-src')).toEqual(["'self'", 'data:']);
    expect(d.get('font-src')).toEqual(["'self'", 'data:']);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('form-action')).toEqual(["'none'"]);
    expect(prod).not.toMatch(/https?:|wss?:|\*/);
  });

  it('never allows eval or a remote host, in production or development', () => {
    for (const csp of [
      prod,
      dev,
      buildCsp({ dev: true }),
      buildCsp({ dev: true, devServerUrl: 'https://evil.example' }),
    ]) {
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).not.toMatch(REMOTE);
    }
  });

  it('lets development talk to the Vite dev server and its HMR socket', () => {
    const d = directives(dev);
    expect(d.get('connect-src')).toEqual(["'self'", 'http://localhost:5173', 'ws://localhost:5173']);
    expect(d.get('script-src')).toContain("'self'");
    expect(prod).not.toContain('localhost');
  });

  it('replaces a non-loopback dev server URL by localhost', () => {
    const d = directives(buildCsp({ dev: true, devServerUrl: 'http://192.168.1.5:5173' }));
    expect(d.get('connect-src')).toEqual(["'self'", 'http://localhost:*', 'ws://localhost:*']);
  });
});

describe('isAllowedNavigation', () => {
  const fileApp = 'file:///opt/Atalaya/resources/app.asar/out/renderer/index.html';
  const devApp = 'http://localhost:5173/';

  it('allows the app page itself, with any route', () => {
    expect(isAllowedNavigation(fileApp, fileApp)).toBe(true);
    expect(isAllowedNavigation(`${fileApp}#/executive`, fileApp)).toBe(true);
    expect(isAllowedNavigation(`${fileApp}?print=1#/reports/kpi`, fileApp)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5173/#/hubs', devApp)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5173/index.html', devApp)).toBe(true);
  });

  it('refuses everything else', () => {
    for (const url of [
      'https://example.com/',
      'http://localhost:5174/',
      'http://127.0.0.1:5173/',
      'file:///etc/passwd',
      'file:///opt/Atalaya/resources/app.asar/out/renderer/other.html',
      'file://evil-host/opt/Atalaya/resources/app.asar/out/renderer/index.html',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'about:blank',
      'devtools://devtools/bundled/inspector.html',
      'not a url',
      '',
    ]) {
      expect(isAllowedNavigation(url, fileApp), url).toBe(false);
    }
    expect(isAllowedNavigation('https://localhost:5173/', devApp)).toBe(false);
    expect(isAllowedNavigation('http://localhost:5173.evil.com/', devApp)).toBe(false);
    expect(isAllowedNavigation(fileApp, 'not a url')).toBe(false);
  });
});

describe('externalLinkTarget', () => {
  it('hands https and mailto links to the OS', () => {
    expect(externalLinkTarget('https://platform.openai.com/api-keys')).toBe('https://platform.openai.com/api-keys');
    expect(externalLinkTarget('mailto:ops@example.com')).toBe('mailto:ops@example.com');
  });

  it('drops everything else', () => {
    for (const url of [
      'http://example.com',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://x/y',
      'https://u:p@x.com',
      'nope',
    ]) {
      expect(externalLinkTarget(url), url).toBeNull();
    }
  });
});

describe('isPermissionAllowed', () => {
  const app = 'file:///app/out/renderer/index.html';
  it('denies every permission except clipboard writes from the app', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'hid']) {
      expect(isPermissionAllowed(p, app, app), p).toBe(false);
    }
    expect(isPermissionAllowed('clipboard-sanitized-write', `${app}#/x`, app)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://example.com', app)).toBe(false);
  });
});
