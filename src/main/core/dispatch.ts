import type { z } from 'zod';
import { type CoreMethod, methods } from '../../shared/contract';
import { fail, ok, type Result } from '../../shared/result';
import type { CoreContext } from './context';
import { toAppError } from './errors';

type AnyHandler = (args: unknown, ctx: CoreContext) => unknown;
export interface HandlerEntry {
  args: z.ZodType;
  run: AnyHandler;
}
export type HandlerTable = Record<string, HandlerEntry>;

/** Pairs each core handler with its argument schema from the contract. */
export function handlerTable(map: Record<CoreMethod, unknown>): HandlerTable {
  const table: HandlerTable = {};
  for (const [method, run] of Object.entries(map)) {
    table[method] = { args: methods[method as CoreMethod].args, run: run as AnyHandler };
  }
  return table;
}

/**
 * The boundary: unknown methods, malformed arguments and thrown errors all
 * come back as a clean Result, and the core keeps serving.
 */
export async function dispatch(
  table: HandlerTable,
  ctx: CoreContext,
  method: unknown,
  args: unknown,
): Promise<Result<unknown>> {
  if (typeof method !== 'string' || !Object.hasOwn(table, method)) {
    return fail('UNKNOWN_METHOD', `Atalaya's core has no method "${String(method)}".`);
  }
  const entry = table[method]!;
  const parsed = entry.args.safeParse(args === undefined ? {} : args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map(String).join('.');
    return fail('BAD_REQUEST', field ? `${issue.message} (${field})` : issue.message, field || undefined);
  }
  try {
    return ok(await entry.run(parsed.data, ctx));
  } catch (error) {
    return { ok: false, error: toAppError(error) };
  }
}
