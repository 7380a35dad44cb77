import { type AppError, AppFailure } from '../../shared/result';

/** Turns anything thrown inside the core into an error a person can act on. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppFailure) return error.toError();
  const e = error as { code?: unknown; message?: unknown };
  const detail = typeof e?.message === 'string' ? e.message : String(error);
  if (typeof e?.code === 'string' && e.code === 'SQLITE_BUSY') {
    return {
      code: 'CONFLICT',
      message: 'The workspace is busy with another program writing to it. Nothing was saved; try again in a moment.',
    };
  }
  if (typeof e?.code === 'string' && e.code.startsWith('SQLITE_CONSTRAINT')) {
    return { code: 'CONFLICT', message: `That change conflicts with existing records (${detail}). Nothing was saved.` };
  }
  return {
    code: 'INTERNAL',
    message: `Something went wrong inside Atalaya (${detail}). Nothing was saved; try again, and report it if it happens again.`,
  };
}
