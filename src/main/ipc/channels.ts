/** The only two IPC channels between the renderer and the Electron main process. */
/** renderer → main: `invoke(CALL_CHANNEL, method, args)` → `Result`. */
export const CALL_CHANNEL = 'atalaya:call';
/** main → renderer: `send(EVENT_CHANNEL, name, payload)` for every core event. */
export const EVENT_CHANNEL = 'atalaya:event';
