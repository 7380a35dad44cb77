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

/** A value in an error sentence: text, a number, or keyed parts (a list the UI translates part by part). */
export type ErrorParam = string | number | ErrorRef[];
export type ErrorParams = Record<string, ErrorParam>;

/** A sentence by its key in the core's catalog (src/shared/errors.ts) and the values it names. */
export interface ErrorRef {
  key: string;
  params?: ErrorParams;
}

export interface AppError {
  code: ErrorCode;
  /** A sentence for a person, in English: what happened and what to do. */
  message: string;
  /** The input field the error is about, when there is one (dotted path). */
  field?: string;
  /**
   * The sentence's key in the core's catalog (src/shared/errors.ts), for the UI
   * to show it in the person's language; absent for sentences without one.
   */
  key?: string;
  /** The values the keyed sentence names (absent when it names none). */
  params?: ErrorParams;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
/** Only the parts that are there, in a stable order: code, message, field, key, params. */
function appError(code: ErrorCode, message: string, field?: string, ref?: ErrorRef): AppError {
  const error: AppError = { code, message };
  if (field !== undefined) error.field = field;
  if (ref !== undefined) {
    error.key = ref.key;
    if (ref.params !== undefined) error.params = ref.params;
  }
  return error;
}

export const fail = (code: ErrorCode, message: string, field?: string, ref?: ErrorRef): Result<never> => ({
  ok: false,
  error: appError(code, message, field, ref),
});

/**
 * Thrown inside services; the dispatcher turns it into a failed Result. Build
 * user-facing ones with `failure(code, key, params, field)` (src/shared/errors.ts),
 * which makes the English message from the key; `ref` attaches a key to a
 * sentence made elsewhere (see `refFor`).
 */
export class AppFailure extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly ref?: ErrorRef;
  constructor(code: ErrorCode, message: string, field?: string, ref?: ErrorRef) {
    super(message);
    this.name = 'AppFailure';
    this.code = code;
    if (field !== undefined) this.field = field;
    if (ref !== undefined) this.ref = ref;
  }
  toError(): AppError {
    return appError(this.code, this.message, this.field, this.ref);
  }
}

export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: unknown };
  return v.ok === true || (v.ok === false && typeof v.error === 'object' && v.error !== null);
}
