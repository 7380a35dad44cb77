/** Settings → Scoring: weights with a preview, bulk rescoring as a job, the model and its quality. */
import type { Handlers } from '../../../shared/contract';
import { DEFAULT_SCORING_WEIGHTS } from '../../../shared/scoring';
import { type CoreContext, readScope, writeScope } from '../context';
import { writeTransaction } from '../db/client';
import { workspaceToday } from '../fx/clock';
import { latestModel, loadWeights, previewWeights, rescoreAll, retrain, saveWeights } from './service';

function startRescore(ctx: CoreContext, retrainFirst: boolean): { jobId: string } {
  const w = writeScope(ctx);
  const asOf = workspaceToday(w.sqlite, ctx.now());
  const jobId = ctx.jobs.start('rescore', (job) =>
    rescoreAll(w.sqlite, { asOf, at: w.at, retrain: retrainFirst }, job),
  );
  return { jobId };
}

export const scoringHandlers = {
  'scoring/get': (_args, ctx) => {
    const r = readScope(ctx);
    return {
      weights: loadWeights(r.sqlite),
      defaults: DEFAULT_SCORING_WEIGHTS,
      model: latestModel(r.sqlite)?.info ?? null,
    };
  },
  'scoring/preview': ({ weights }, ctx) => {
    const r = readScope(ctx);
    return previewWeights(r.sqlite, weights, r.today, ctx.now().toISOString());
  },
  /** Saves the weights (null = back to the defaults) and rescores every lead as a job. */
  'scoring/setWeights': ({ weights }, ctx) => {
    const w = writeScope(ctx);
    writeTransaction(w.sqlite, () => saveWeights(w.sqlite, weights));
    return startRescore(ctx, false);
  },
  'scoring/rescore': ({ retrain: retrainFirst }, ctx) => startRescore(ctx, retrainFirst),
  'scoring/retrain': (_args, ctx) => {
    const w = writeScope(ctx);
    return writeTransaction(w.sqlite, () => retrain(w.sqlite, w.at).info);
  },
} satisfies Partial<Handlers<CoreContext>>;
