/**
 * What the IPC router does with one request, decided without Electron:
 * reject it (foreign sender, unknown method, bad host arguments), answer it in
 * the main process (`host/*`), or forward it to the core (which validates its
 * own arguments).
 */
import { type CoreMethod, type HostMethod, isMethod, methods, type ParsedArgs } from '../../shared/contract';
import { failure } from '../../shared/errors';
import { type AppFailure, fail, type Result } from '../../shared/result';
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

/** A refusal as the reply: code, English message, and the catalog key and params when it has them. */
const refuse = (refusal: AppFailure): Result<never> => ({ ok: false, error: refusal.toError() });

export function isHostMethod(method: string): method is HostMethod {
  return method.startsWith('host/');
}

export function decideRequest({ senderUrl, appUrl, method, args }: IncomingRequest): Decision {
  if (!senderUrl || !isAppUrl(senderUrl, appUrl)) {
    return { kind: 'reject', result: refuse(failure('UNAUTHORIZED', 'ipc.foreignSender')) };
  }
  if (!isMethod(method)) {
    const unknown =
      typeof method === 'string'
        ? failure('UNKNOWN_METHOD', 'ipc.unknownMethod', { method: method.slice(0, 80) })
        : failure('UNKNOWN_METHOD', 'ipc.noMethodName');
    return { kind: 'reject', result: refuse(unknown) };
  }
  if (!isHostMethod(method)) return { kind: 'core', method, args };

  const parsed = methods[method].args.safeParse(args ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.') || undefined;
    // The schema's own sentence when it has one (as the core does); the catalog's otherwise.
    if (issue) return { kind: 'reject', result: fail('BAD_REQUEST', issue.message, field) };
    return { kind: 'reject', result: refuse(failure('BAD_REQUEST', 'ipc.badArguments', { method })) };
  }
  return { kind: 'host', method, args: parsed.data } as Decision;
}
