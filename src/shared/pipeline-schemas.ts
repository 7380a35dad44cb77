/** Input schemas of the production board methods. */
import { z } from 'zod';
import { GATE_CHECKLISTS, WORK_STAGES } from './pipeline';
import { isoDateSchema } from './schemas';

const id = z.number().int().positive();

export const boardSchema = z.object({ hubId: id.nullable().default(null) }).strict();

/** Projects by name for the command palette: a few, open work first (see `lookupProjects`). */
export const projectLookupSchema = z
  .object({
    search: z.string().trim().min(1, 'Type part of a project name.').max(120, 'Search at most 120 characters.'),
    limit: z.number().int().min(1).max(20).default(5),
  })
  .strict();

export const projectMoveSchema = z
  .object({ id, stage: z.enum([...WORK_STAGES, 'cancelled'], { message: 'Choose a production stage.' }) })
  .strict();

/** The board move to take back: the stage it came from and the one it went to. */
export const projectUndoMoveSchema = z
  .object({
    id,
    from: z.enum(WORK_STAGES, { message: 'Choose a production stage.' }),
    to: z.enum([...WORK_STAGES, 'cancelled'], { message: 'Choose a production stage.' }),
  })
  .strict();

export const gateReviewSchema = z
  .object({
    projectId: id,
    gate: z.union([z.literal(1), z.literal(2), z.literal(3)], { message: 'The gate must be 1, 2 or 3.' }),
    reviewerId: id.nullable().default(null),
    checklist: z.record(z.string(), z.boolean()),
    notes: z.string().trim().max(1000, 'Notes can be at most 1,000 characters.').nullable().default(null),
  })
  .strict()
  .superRefine((r, ctx) => {
    const expected = GATE_CHECKLISTS[r.gate];
    for (const key of Object.keys(r.checklist))
      if (!(expected as readonly string[]).includes(key))
        ctx.addIssue({
          code: 'custom',
          message: `Gate ${r.gate} has no checklist item "${key}".`,
          path: ['checklist', key],
        });
    for (const item of expected)
      if (!(item in r.checklist))
        ctx.addIssue({ code: 'custom', message: `Tick or untick "${item}".`, path: ['checklist', item] });
  });

export const deliverSchema = z
  .object({
    id,
    satisfaction: z
      .number({ message: 'Satisfaction must be a number from 1 to 10.' })
      .int('Satisfaction is a whole number from 1 to 10.')
      .min(1, 'Satisfaction is at least 1.')
      .max(10, 'Satisfaction is at most 10.')
      .nullable(),
    deliveredOn: isoDateSchema.optional(),
  })
  .strict();
