/**
 * The renderer's only door to Atalaya, exposed as `window.api`. It runs in a
 * sandboxed preload, so it imports nothing but Electron's renderer modules
 * (the channel names are bundled in). Two functions, one channel each way.
 */
import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../main/ipc/channels';
import type { Args, Api as ContractApi, EventName, Events, Method, Reply, Result } from '../shared/contract';

const api = {
  call<M extends Method>(method: M, args: Args<M>): Promise<Result<Reply<M>>> {
    return ipcRenderer.invoke(CALL_CHANNEL, method, args);
  },
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    const handler = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) listener(payload as Events[E]);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
} satisfies ContractApi;

export type Api = typeof api;

contextBridge.exposeInMainWorld('api', api);
