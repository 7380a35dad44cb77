import { failure } from '../../shared/errors';
import { type AppError, AppFailure } from '../../shared/result';

/** Turns anything thrown inside the core into an error a person can act on. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppFailure) return error.toError();
  const e = error as { code?: unknown; message?: unknown };
  const detail = typeof e?.message === 'string' ? e.message : String(error);
  if (typeof e?.code === 'string' && e.code === 'SQLITE_BUSY') {
    return failure('CONFLICT', 'core.busy').toError();
  }
  if (typeof e?.code === 'string' && e.code.startsWith('SQLITE_CONSTRAINT')) {
    return failure('CONFLICT', 'core.constraint', { detail }).toError();
  }
  return failure('INTERNAL', 'core.unexpected', { detail }).toError();
}
