/** Input schemas of the leads methods (shared by the core and the forms). */
import { z } from 'zod';
import { LEAD_CHANNELS, LEAD_STAGES, TIERS, VERTICALS } from './domain';
import { ACTIVITY_KINDS, LEAD_SORT_COLUMNS } from './leads';
import { amountSchema } from './money-schemas';
import { currencySchema, isoDateSchema } from './schemas';
import { AUTHORITIES, NEEDS, scoringWeightsSchema, TIMELINES } from './scoring';

const id = z.number().int().positive();
const text = (what: string, max: number) =>
  z.string().trim().min(1, `${what} cannot be empty.`).max(max, `${what} can be at most ${max} characters.`);
const tier = z.union(TIERS.map((t) => z.literal(t)) as unknown as [z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<3>], {
  message: 'The tier must be 1, 2 or 3.',
});
const score = z.number().min(0).max(100);

export const leadFilterSchema = z
  .object({
    stages: z.array(z.enum(LEAD_STAGES)).max(LEAD_STAGES.length),
    channels: z.array(z.enum(LEAD_CHANNELS)).max(LEAD_CHANNELS.length),
    verticals: z.array(z.enum(VERTICALS)).max(VERTICALS.length),
    tiers: z.array(tier).max(3),
    ownerIds: z.array(id).max(500),
    hubIds: z.array(id).max(50),
    scoreMin: score,
    scoreMax: score,
    createdFrom: isoDateSchema,
    createdTo: isoDateSchema,
    activityFrom: isoDateSchema,
    activityTo: isoDateSchema,
  })
  .partial()
  .strict();

export const leadQuerySchema = z
  .object({
    filter: leadFilterSchema.default({}),
    search: z.string().trim().max(100, 'Search at most 100 characters.').default(''),
    sort: z
      .object({ column: z.enum(LEAD_SORT_COLUMNS), direction: z.enum(['asc', 'desc']) })
      .strict()
      .default({ column: 'created_at', direction: 'desc' }),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type LeadQuery = z.input<typeof leadQuerySchema>;

/** Live counts for saved segments: each filter (and search) counted separately. */
/** Segments one 'leads/segmentCounts' call counts at most. */
export const SEGMENT_COUNTS_MAX = 50;

export const segmentCountsSchema = z
  .object({
    segments: z
      .array(z.object({ filter: leadFilterSchema, search: z.string().max(100).default('') }).strict())
      .max(SEGMENT_COUNTS_MAX),
  })
  .strict();

const leadFields = z.object({
  company: text('The company', 120),
  contactName: text('The contact name', 120),
  contactEmail: z.email('That email address does not look right.').nullable(),
  channel: z.enum(LEAD_CHANNELS, { message: 'Choose a channel.' }),
  vertical: z.enum(VERTICALS, { message: 'Choose a vertical.' }),
  tier,
  role: z.string().trim().max(80, 'The role can be at most 80 characters.').nullable(),
  budgetMinor: amountSchema.nullable(),
  timeline: z.enum(TIMELINES).nullable(),
  authority: z.enum(AUTHORITIES).nullable(),
  need: z.enum(NEEDS).nullable(),
  expectedValueMinor: amountSchema,
  currency: currencySchema,
  ownerId: id.nullable(),
  hubId: id.nullable(),
  serviceId: id.nullable(),
});

export const leadInputSchema = leadFields
  .extend({
    contactEmail: leadFields.shape.contactEmail.default(null),
    role: leadFields.shape.role.default(null),
    budgetMinor: leadFields.shape.budgetMinor.default(null),
    timeline: leadFields.shape.timeline.default(null),
    authority: leadFields.shape.authority.default(null),
    need: leadFields.shape.need.default(null),
    ownerId: leadFields.shape.ownerId.default(null),
    hubId: leadFields.shape.hubId.default(null),
    serviceId: leadFields.shape.serviceId.default(null),
  })
  .strict();
export type LeadInput = z.input<typeof leadInputSchema>;

export const leadUpdateSchema = z.object({ id, patch: leadFields.partial().strict() }).strict();
export type LeadUpdate = z.infer<typeof leadUpdateSchema>;

/** Moves an open lead along; winning has its own method (it creates the client and the project). */
export const leadStageSchema = z
  .object({
    id,
    stage: z.enum(['new', 'qualified', 'proposal', 'lost'], { message: 'Choose a stage.' }),
    reason: z.string().trim().max(200).nullable().default(null),
    /** The stage the caller saw; when given, a lead that has since moved is left alone (CONFLICT). */
    from: z.enum(LEAD_STAGES).optional(),
  })
  .strict()
  .refine((s) => s.stage !== 'lost' || (s.reason !== null && s.reason.length > 0), {
    message: 'Say why the lead was lost.',
    path: ['reason'],
  });

export const leadWinSchema = z
  .object({
    id,
    serviceId: id,
    valueMinor: amountSchema,
    startDate: isoDateSchema,
    dueDate: isoDateSchema,
    /** Link an existing client instead of creating one from the lead. */
    clientId: id.nullable().default(null),
  })
  .strict()
  .refine((w) => w.dueDate >= w.startDate, { message: 'The due date cannot be before the start.', path: ['dueDate'] });

export const activityInputSchema = z
  .object({
    leadId: id,
    kind: z.enum(ACTIVITY_KINDS, { message: 'Choose call, email, meeting or note.' }),
    note: z.string().trim().max(2000, 'A note can be at most 2,000 characters.').nullable().default(null),
  })
  .strict();

export const probabilityOverrideSchema = z
  .object({
    id,
    probability: z
      .number({ message: 'The probability must be a number.' })
      .min(0, 'The probability cannot be below 0%.')
      .max(1, 'The probability cannot be above 100%.')
      .nullable(),
  })
  .strict();

export const setWeightsSchema = z.object({ weights: scoringWeightsSchema.nullable() }).strict();
export const previewWeightsSchema = z.object({ weights: scoringWeightsSchema }).strict();
export const rescoreSchema = z.object({ retrain: z.boolean().default(false) }).strict();
