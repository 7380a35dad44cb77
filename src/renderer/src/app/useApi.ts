/** A small loader for one core method: loading → ready | error, with reload. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError, Args, Method, Reply } from '../../../shared/contract';
import { api } from './api';
import { useApp } from './store';

export type Loadable<T> =
  | { status: 'loading'; data: T | null; error: null }
  | { status: 'ready'; data: T; error: null }
  | { status: 'error'; data: T | null; error: AppError };

export function useApiQuery<M extends Method>(method: M, args: Args<M>) {
  const key = JSON.stringify(args);
  const dataVersion = useApp((s) => s.dataVersion);
  const [state, setState] = useState<Loadable<Reply<M>>>({ status: 'loading', data: null, error: null });
  const [tick, setTick] = useState(0);
  const argsRef = useRef(args);
  argsRef.current = args;

  // biome-ignore lint/correctness/useExhaustiveDependencies: key, tick and dataVersion are the triggers.
  useEffect(() => {
    let live = true;
    setState((s) => ({ status: 'loading', data: s.data, error: null }));
    api.call(method, argsRef.current).then((result) => {
      if (!live) return;
      setState(
        result.ok
          ? { status: 'ready', data: result.value, error: null }
          : { status: 'error', data: null, error: result.error },
      );
    });
    return () => {
      live = false;
    };
  }, [method, key, tick, dataVersion]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  const setData = useCallback((update: (data: Reply<M>) => Reply<M>) => {
    setState((s) => (s.status === 'ready' ? { ...s, data: update(s.data) } : s));
  }, []);
  return { ...state, reload, setData };
}
