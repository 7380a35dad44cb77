/**
 * Long work runs as a job: it reports typed progress events, can be
 * cancelled, and yields to the event loop between steps so the core keeps
 * answering other calls meanwhile.
 */
import type { EventName, Events } from '../../../shared/contract';
import { failure } from '../../../shared/errors';
import type { Result } from '../../../shared/result';
import { toAppError } from '../errors';

export interface JobControl {
  readonly signal: AbortSignal;
  /** Reports progress; throttled, the last step always goes out. */
  progress(done: number, total: number, step: string): void;
  /** Lets other calls run, then throws CANCELLED if the job was cancelled. */
  checkpoint(): Promise<void>;
}

type Emit = <E extends EventName>(name: E, payload: Events[E]) => void;

const PROGRESS_INTERVAL_MS = 100;

export class JobRunner {
  private readonly running = new Map<string, AbortController>();
  private counter = 0;

  constructor(private readonly emit: Emit) {}

  start<T>(kind: string, work: (job: JobControl) => Promise<T>, onDone?: (result: Result<T>) => void): string {
    const jobId = `${kind}-${++this.counter}-${Math.random().toString(36).slice(2, 8)}`;
    const controller = new AbortController();
    this.running.set(jobId, controller);
    let lastEmit = 0;
    const control: JobControl = {
      signal: controller.signal,
      progress: (done, total, step) => {
        const now = Date.now();
        if (done < total && now - lastEmit < PROGRESS_INTERVAL_MS) return;
        lastEmit = now;
        this.emit('job/progress', { jobId, kind, done, total, step });
      },
      checkpoint: async () => {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (controller.signal.aborted) throw failure('CANCELLED', 'job.cancelled');
      },
    };
    // Start on the next turn so the caller can return the job id first.
    setImmediate(async () => {
      let result: Result<T>;
      try {
        result = { ok: true, value: await work(control) };
      } catch (error) {
        result = { ok: false, error: toAppError(error) };
      }
      this.running.delete(jobId);
      onDone?.(result);
      this.emit('job/finished', { jobId, kind, result });
    });
    return jobId;
  }

  cancel(jobId: string): boolean {
    const controller = this.running.get(jobId);
    if (!controller) return false;
    controller.abort();
    return true;
  }

  get activeCount(): number {
    return this.running.size;
  }
}
