/**
 * Every reply crossing a process boundary is a Result: either a value or an
 * error a person can act on. Errors are plain data so they survive
 * structured clone, JSON and IPC unchanged.
 */
export type ErrorCode =
  | 'BAD_REQUEST'
  | 'UNKNOWN_METHOD'
  | 'UNAUTHORIZED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'NO_WORKSPACE'
  | 'WORKSPACE_TOO_NEW'
  | 'WORKSPACE_INVALID'
  | 'WORKSPACE_IN_USE'
  | 'FILE_EXISTS'
  | 'IO_ERROR'
  | 'NOT_SUPPORTED'
  | 'CANCELLED'
  /** A figure or payment needs an FX rate the table does not have. */
  | 'FX_RATE_MISSING'
  | 'CORE_UNAVAILABLE'
  | 'INTERNAL';

export interface AppError {
  code: ErrorCode;
  /** A sentence for a person: what happened and what to do. */
  message: string;
  /** The input field the error is about, when there is one (dotted path). */
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, field?: string): Result<never> => ({
  ok: false,
  error: field === undefined ? { code, message } : { code, message, field },
});

/** Thrown inside services; the dispatcher turns it into a failed Result. */
export class AppFailure extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'AppFailure';
    this.code = code;
    if (field !== undefined) this.field = field;
  }
  toError(): AppError {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}

export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: unknown };
  return v.ok === true || (v.ok === false && typeof v.error === 'object' && v.error !== null);
}
