/**
 * Report routes (`#/print/invoice/12`, ARCHITECTURE.md "Reports"). In the
 * browser host the address also carries the access token in its fragment
 * (`#/print/invoice/12&token=…`), and `app/api.ts` clears the fragment as soon
 * as it reads the token. So this module, imported before anything that imports
 * the api, keeps the fragment the page was opened with.
 */
import { useEffect, useState } from 'react';

const initialHash = typeof window === 'undefined' ? '' : window.location.hash;

export interface PrintRoute {
  report: 'invoice';
  id: number;
  /** Opened by the app's Print button in the browser host: print once ready. */
  autoPrint: boolean;
}

/** `#/print/invoice/12`, optionally followed by `&print=1` and `&token=…`. */
export function parsePrintRoute(hash: string): PrintRoute | null {
  const match = /^#\/print\/invoice\/(\d+)(?:&|$)/.exec(hash);
  if (!match) return null;
  const id = Number(match[1]);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  return { report: 'invoice', id, autoPrint: /&print=1(?:&|$)/.test(hash) };
}

/** The route the app shows, if it is a report: from the opening address, then from hash changes. */
export function usePrintRoute(): PrintRoute | null {
  const [route, setRoute] = useState(() => parsePrintRoute(initialHash) ?? parsePrintRoute(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parsePrintRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}

/** The report route the hosts accept (`host/printToPdf`). */
export function invoiceRoute(id: number): string {
  return `#/print/invoice/${id}`;
}

/**
 * The address of a report for a new browser window: same origin, and the
 * access token (kept by api.ts for this tab) so the new window can reach the core.
 */
export function browserReportUrl(route: string, options: { autoPrint: boolean }): string {
  const token = sessionStorage.getItem('atalaya.token');
  const parts = [route];
  if (options.autoPrint) parts.push('print=1');
  if (token) parts.push(`token=${token}`);
  return `${window.location.pathname}${window.location.search}${parts.join('&')}`;
}
