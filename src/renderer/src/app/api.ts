/**
 * The renderer's one door to the core. Under Electron the preload provides
 * `window.api`; under the browser host the same interface is built here on
 * HTTP (calls) and a WebSocket (events), authorised by the per-launch token
 * that the host printed in the URL's fragment.
 */
import type { Api, EventName, Events, Result } from '../../../shared/contract';

declare global {
  interface Window {
    api?: Api;
  }
}

const TOKEN_KEY = 'atalaya.token';

function takeToken(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    // Drop the token from the address but keep the rest of the fragment (a report route such as #/print/invoice/12).
    const rest = window.location.hash
      .replace(/(^#|&)token=[A-Za-z0-9_-]+/, '$1')
      .replace(/^#&/, '#')
      .replace(/&$/, '');
    history.replaceState(null, '', window.location.pathname + window.location.search + (rest === '#' ? '' : rest));
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

type AnyListener = (payload: unknown) => void;

function createWebApi(): Api {
  const token = takeToken();
  const listeners = new Map<EventName, Set<AnyListener>>();
  let socket: WebSocket | null = null;
  let retry = 0;

  const connect = () => {
    if (!token) return;
    const url = new URL('/api/events', window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    socket = new WebSocket(url, [`atalaya.${token}`]);
    socket.onopen = () => {
      retry = 0;
    };
    socket.onmessage = (message) => {
      const { name, payload } = JSON.parse(String(message.data)) as { name: EventName; payload: unknown };
      for (const l of listeners.get(name) ?? []) l(payload);
    };
    socket.onclose = () => {
      socket = null;
      retry = Math.min(retry + 1, 6);
      setTimeout(connect, 250 * 2 ** retry);
    };
  };
  connect();

  return {
    async call(method, args) {
      if (!token) {
        return {
          ok: false,
          error: {
            code: 'UNAUTHORIZED',
            message: 'Open Atalaya with the full address the browser host printed (it carries the access token).',
          },
        };
      }
      try {
        const response = await fetch('/api/call', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ method, args }),
        });
        return (await response.json()) as Result<never>;
      } catch (error) {
        return {
          ok: false,
          error: {
            code: 'CORE_UNAVAILABLE',
            message: `Atalaya's browser host is not answering (${(error as Error).message}). Is it still running?`,
          },
        };
      }
    },
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      set.add(listener as AnyListener);
      return () => set.delete(listener as AnyListener);
    },
  };
}

export const api: Api = window.api ?? createWebApi();
