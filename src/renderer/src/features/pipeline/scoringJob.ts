/**
 * The bulk rescoring job (Settings → Scoring): started by saving weights or by
 * "Rescore all", followed through the core's job events, cancellable. Kept in
 * a store so it survives switching tabs while it runs.
 */
import { create } from 'zustand';
import type { AppError, Events, JobProgress, JobStarted, Result } from '../../../../shared/contract';
import type { ScoringWeights } from '../../../../shared/scoring';
import { api } from '../../app/api';
import { useApp } from '../../app/store';
import { refreshSegmentCounts } from './segments';

export interface RescoreOutcome {
  leads: number;
  bands: Record<'cold' | 'warm' | 'hot' | 'priority', number>;
}

export type ScoringJob =
  | { status: 'idle' }
  | { status: 'starting'; reason: 'weights' | 'rescore' }
  | {
      status: 'running';
      reason: 'weights' | 'rescore';
      jobId: string;
      progress: JobProgress | null;
      cancelling: boolean;
      undo?: ScoringWeights;
    }
  | {
      status: 'done';
      reason: 'weights' | 'rescore';
      outcome: RescoreOutcome;
      /** The weights saved before this job replaced them (a reset to the defaults): Undo saves them again. */
      undo?: ScoringWeights;
    }
  | { status: 'cancelled'; reason: 'weights' | 'rescore'; progress: JobProgress | null }
  | { status: 'failed'; reason: 'weights' | 'rescore'; error: AppError };

export const useScoringJob = create<{ job: ScoringJob }>()(() => ({ job: { status: 'idle' } }));

const set = (job: ScoringJob) => useScoringJob.setState({ job });
const get = () => useScoringJob.getState().job;

/** Events that arrive before the job's id does (a small workspace rescores in milliseconds). */
const early = new Map<string, { progress?: JobProgress; finished?: Events['job/finished'] }>();
let subscribed = false;

function subscribe(): void {
  if (subscribed) return;
  subscribed = true;
  api.on('job/progress', (p) => {
    const job = get();
    if (job.status === 'running' && job.jobId === p.jobId) set({ ...job, progress: p });
    else if (job.status === 'starting') early.set(p.jobId, { ...early.get(p.jobId), progress: p });
  });
  api.on('job/finished', (f) => {
    const job = get();
    if (job.status === 'running' && job.jobId === f.jobId) finish(f.result);
    else if (job.status === 'starting') early.set(f.jobId, { ...early.get(f.jobId), finished: f });
  });
}

function finish(result: Result<unknown>): void {
  const job = get();
  if (job.status !== 'running') return;
  if (result.ok) {
    set({ status: 'done', reason: job.reason, outcome: result.value as RescoreOutcome, undo: job.undo });
  } else if (result.error.code === 'CANCELLED') {
    set({ status: 'cancelled', reason: job.reason, progress: job.progress });
  } else {
    set({ status: 'failed', reason: job.reason, error: result.error });
  }
  // Scores changed (all, or the chunks done before a cancel): every open screen reloads.
  useApp.setState((s) => ({ dataVersion: s.dataVersion + 1 }));
  refreshSegmentCounts();
}

/**
 * Starts a rescoring call ('scoring/setWeights' or 'scoring/rescore') and follows it. Returns an error to show.
 * `undo`: the weights it replaces, offered back once it is done.
 */
export async function runScoringJob(
  reason: 'weights' | 'rescore',
  start: () => Promise<Result<JobStarted>>,
  undo?: ScoringWeights,
): Promise<AppError | null> {
  const current = get();
  if (current.status === 'starting' || current.status === 'running') return null;
  subscribe();
  early.clear();
  set({ status: 'starting', reason });
  const result = await start();
  if (!result.ok) {
    set({ status: 'idle' });
    return result.error;
  }
  const { jobId } = result.value;
  const seen = early.get(jobId);
  early.clear();
  set({ status: 'running', reason, jobId, progress: seen?.progress ?? null, cancelling: false, undo });
  if (seen?.finished) finish(seen.finished.result);
  return null;
}

export async function cancelScoringJob(): Promise<AppError | null> {
  const job = get();
  if (job.status !== 'running') return null;
  set({ ...job, cancelling: true });
  const result = await api.call('jobs/cancel', { jobId: job.jobId });
  if (!result.ok) {
    const now = get();
    if (now.status === 'running') set({ ...now, cancelling: false });
    return result.error;
  }
  return null;
}

export function dismissScoringJob(): void {
  const job = get();
  if (job.status !== 'starting' && job.status !== 'running') set({ status: 'idle' });
}
