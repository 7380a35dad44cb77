/**
 * What the IPC router does with one request, decided without Electron:
 * reject it (foreign sender, unknown method, bad host arguments), answer it in
 * the main process (`host/*`), or forward it to the core (which validates its
 * own arguments).
 */
import { type CoreMethod, type HostMethod, isMethod, methods, type ParsedArgs } from '../../shared/contract';
import { fail, type Result } from '../../shared/result';
import { isAppUrl } from '../platform/security';

export type Decision =
  | { kind: 'reject'; result: Result<never> }
  | { [M in HostMethod]: { kind: 'host'; method: M; args: ParsedArgs<M> } }[HostMethod]
  | { kind: 'core'; method: CoreMethod; args: unknown };

export interface IncomingRequest {
  /** URL of the frame that sent the request; null when the frame is gone. */
  senderUrl: string | null | undefined;
  /** The URL the app was loaded from (file:// index.html, or the dev server). */
  appUrl: string;
  method: unknown;
  args: unknown;
}

export function isHostMethod(method: string): method is HostMethod {
  return method.startsWith('host/');
}

export function decideRequest({ senderUrl, appUrl, method, args }: IncomingRequest): Decision {
  if (!senderUrl || !isAppUrl(senderUrl, appUrl)) {
    return {
      kind: 'reject',
      result: fail('UNAUTHORIZED', 'This request did not come from the Atalaya window, so it was refused.'),
    };
  }
  if (!isMethod(method)) {
    const shown = typeof method === 'string' ? `"${method.slice(0, 80)}"` : 'a request without a method name';
    return {
      kind: 'reject',
      result: fail('UNKNOWN_METHOD', `Atalaya does not know ${shown}. Is the window older than the app? Reload it.`),
    };
  }
  if (!isHostMethod(method)) return { kind: 'core', method, args };

  const parsed = methods[method].args.safeParse(args ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.') || undefined;
    return {
      kind: 'reject',
      result: fail('BAD_REQUEST', issue?.message ?? `The arguments of ${method} are not valid.`, field),
    };
  }
  return { kind: 'host', method, args: parsed.data } as Decision;
}
