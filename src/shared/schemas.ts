/**
 * Input schemas (zod) used at every boundary: the core validates each request
 * with them, and the interface reuses them to validate forms field by field.
 * Messages are English sentences a person can act on; the UI maps `code`s and
 * fields to translated text where it shows them next to a field.
 */
import { z } from 'zod';
import {
  CURRENCIES,
  EMPLOYMENT_TYPES,
  HUB_COLORS,
  HUB_TARGET_KINDS,
  LEAD_STAGES,
  PERIODS,
  PROJECT_STAGES,
  SECTIONS,
} from './domain';

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string()
  .min(1, 'Choose a time zone.')
  .refine(isValidTimeZone, { message: 'Not a known time zone (use a name like Europe/Copenhagen).' });

export const currencySchema = z.enum(CURRENCIES, {
  message: `Currency must be one of ${CURRENCIES.join(', ')}.`,
});

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-05-31.')
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: 'That date does not exist.',
    },
  );

export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use a month like 2026-05.');

const nameSchema = (what: string, max = 80) =>
  z.string().trim().min(1, `${what} cannot be empty.`).max(max, `${what} can be at most ${max} characters.`);

/** Logos are stored in the workspace as a small data URL (no remote content). */
export const MAX_LOGO_BYTES = 256 * 1024;
export const logoSchema = z
  .string()
  .regex(
    /^data:image\/(png|jpeg|webp|svg\+xml);base64,[A-Za-z0-9+/=]+$/,
    'The logo must be a PNG, JPEG, WebP or SVG image.',
  )
  .refine((s) => s.length <= Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 40, {
    message: 'The logo is larger than 256 KB; choose a smaller image.',
  });

export const countrySchema = z.string().regex(/^[A-Z]{2}$/, 'Use the two-letter country code (e.g. VE, DK, PE).');

export const settingsPatchSchema = z
  .object({
    name: nameSchema('The workspace name'),
    logoDataUrl: logoSchema.nullable(),
    reportingCurrency: currencySchema,
    timeZone: timeZoneSchema,
    baselineMonth: monthSchema.nullable(),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

const hubFields = z.object({
  name: nameSchema('The hub name', 40),
  country: countrySchema,
  timeZone: timeZoneSchema,
  currency: currencySchema,
  targetKind: z.enum(HUB_TARGET_KINDS).nullable(),
  targetSharePct: z
    .number({ message: 'The target share must be a number.' })
    .min(0, 'The target share cannot be negative.')
    .max(100, 'The target share cannot exceed 100%.')
    .nullable(),
  leaderId: z.number().int().positive().nullable(),
  color: z.enum(HUB_COLORS),
});

const targetConsistent = (h: { targetKind?: unknown; targetSharePct?: unknown }) =>
  (h.targetKind === null || h.targetKind === undefined) ===
  (h.targetSharePct === null || h.targetSharePct === undefined);
const targetMessage = {
  message: 'A target needs both a kind (revenue or projects) and a share, or neither.',
  path: ['targetSharePct'],
};

export const hubInputSchema = hubFields.strict().refine(targetConsistent, targetMessage);
export type HubInput = z.infer<typeof hubInputSchema>;

export const hubUpdateSchema = z
  .object({ id: z.number().int().positive(), patch: hubFields.partial().strict() })
  .strict();
export type HubUpdate = z.infer<typeof hubUpdateSchema>;

export const idSchema = z.object({ id: z.number().int().positive() }).strict();

/** Open alerts, of one kind of entity when named (a screen listing lead alerts need not carry every client's). */
export const alertListSchema = z.object({ entity: z.enum(['client', 'lead', 'person', 'team']).optional() }).strict();

/** Alerts dismissed together (one transaction: all of them or none). */
export const alertDismissSchema = z
  .object({ ids: z.array(z.number().int().positive()).min(1, 'Choose an alert to dismiss.').max(10_000) })
  .strict();

const weekdaySchema = z.union(
  [1, 2, 3, 4, 5, 6, 7].map((d) => z.literal(d)) as unknown as [
    z.ZodLiteral<1>,
    z.ZodLiteral<2>,
    z.ZodLiteral<3>,
    z.ZodLiteral<4>,
    z.ZodLiteral<5>,
    z.ZodLiteral<6>,
    z.ZodLiteral<7>,
  ],
);

const hoursPerDaySchema = z
  .number({ message: 'Hours per day must be a number.' })
  .min(0.5, 'Hours per day must be at least 0.5.')
  .max(16, 'Hours per day can be at most 16.');

export const personInputSchema = z
  .object({
    name: nameSchema('The name'),
    email: z.email('That email address does not look right.').nullable(),
    role: nameSchema('The role', 60),
    hubId: z.number().int().positive().nullable(),
    employmentType: z.enum(EMPLOYMENT_TYPES),
    timeZone: timeZoneSchema,
    hoursPerDay: hoursPerDaySchema,
    workdays: z.array(weekdaySchema).min(1, 'Choose at least one working day.'),
    startDate: isoDateSchema,
    endDate: isoDateSchema.nullable(),
  })
  .strict()
  .refine((p) => p.endDate === null || p.endDate >= p.startDate, {
    message: 'The end date cannot be before the start date.',
    path: ['endDate'],
  });
export type PersonInput = z.infer<typeof personInputSchema>;

const priceRangeSchema = z
  .object({ min: z.number().int().nonnegative(), max: z.number().int().nonnegative() })
  .strict()
  .refine((r) => r.min <= r.max, { message: 'The lowest price cannot exceed the highest.', path: ['min'] });

export const serviceUpdateSchema = z
  .object({
    id: z.number().int().positive(),
    patch: z
      .object({
        name: nameSchema('The service name', 60),
        currency: currencySchema,
        prices: z.object({ 1: priceRangeSchema, 2: priceRangeSchema, 3: priceRangeSchema }).strict(),
        turnaroundHours: z
          .object({ min: z.number().min(0), max: z.number().min(0) })
          .strict()
          .refine((r) => r.min <= r.max, {
            message: 'The shortest turnaround cannot exceed the longest.',
            path: ['min'],
          }),
        effortHours: z.number().min(0, 'Effort cannot be negative.').max(1000, 'Effort can be at most 1,000 hours.'),
        active: z.boolean(),
      })
      .partial()
      .strict(),
  })
  .strict();
export type ServiceUpdate = z.infer<typeof serviceUpdateSchema>;

/** Onboarding of an empty workspace: everything is created in one transaction. */
export const onboardingSchema = z
  .object({
    name: nameSchema('The workspace name'),
    reportingCurrency: currencySchema,
    timeZone: timeZoneSchema,
    hubs: z.array(hubInputSchema).min(1, 'Add at least one hub.').max(12, 'At most 12 hubs.'),
    people: z
      .array(
        z
          .object({
            name: nameSchema('The name'),
            role: nameSchema('The role', 60),
            hubName: z.string(),
            employmentType: z.enum(EMPLOYMENT_TYPES),
            hoursPerDay: hoursPerDaySchema,
          })
          .strict(),
      )
      .max(50),
  })
  .strict()
  .superRefine((o, ctx) => {
    const names = o.hubs.map((h) => h.name.trim().toLowerCase());
    names.forEach((n, i) => {
      if (names.indexOf(n) !== i)
        ctx.addIssue({ code: 'custom', message: 'Two hubs cannot have the same name.', path: ['hubs', i, 'name'] });
    });
    o.people.forEach((p, i) => {
      if (!names.includes(p.hubName.trim().toLowerCase()))
        ctx.addIssue({ code: 'custom', message: 'Choose one of the hubs above.', path: ['people', i, 'hubName'] });
    });
  });
export type OnboardingInput = z.infer<typeof onboardingSchema>;

export const DEMO_PROFILES = ['agency', 'growth', 'massive'] as const;
export type DemoProfile = (typeof DEMO_PROFILES)[number];

export const demoOptionsSchema = z
  .object({
    profile: z.enum(DEMO_PROFILES).default('agency'),
    seed: z.string().min(1).max(64).default('atalaya'),
    asOf: isoDateSchema.optional(),
  })
  .strict();
export type DemoOptions = z.input<typeof demoOptionsSchema>;

export const windowBoundsSchema = z
  .object({
    x: z.number().int(),
    y: z.number().int(),
    width: z.number().int().min(200),
    height: z.number().int().min(200),
    maximized: z.boolean(),
  })
  .strict();
export type WindowBounds = z.infer<typeof windowBoundsSchema>;

export const prefsPatchSchema = z
  .object({
    language: z.enum(['en', 'es']).nullable(),
    theme: z.enum(['light', 'dark', 'system']),
    period: z.enum(PERIODS),
    hubFilter: z.union([z.literal('all'), z.number().int().positive()]),
    sidebarCollapsed: z.boolean(),
    lastSection: z.enum(SECTIONS),
    windowBounds: windowBoundsSchema.nullable(),
    customRange: z
      .object({ from: isoDateSchema, to: isoDateSchema })
      .strict()
      .refine((r) => r.from <= r.to, { message: 'The range must end on or after its start.', path: ['to'] })
      .nullable(),
  })
  .partial()
  .strict();
export type PrefsPatch = z.infer<typeof prefsPatchSchema>;

export const pathSchema = z.object({ path: z.string().min(1, 'Give the path of a workspace file.') }).strict();

export const emptyArgs = z.object({}).strict();

/** A print-styled report route of the renderer, and a suggested file name for the PDF. */
export const printRouteSchema = z
  .object({
    route: z.string().regex(/^#\/print\/[a-z-]+\/\d+$/, 'Not a report route.'),
    fileName: z.string().trim().min(1).max(120),
  })
  .strict();

export const jobIdSchema = z.object({ jobId: z.string().min(1) }).strict();

export const listQuerySchema = z
  .object({
    limit: z.number().int().min(1).max(500).default(100),
    offset: z.number().int().min(0).default(0),
  })
  .strict();

export { LEAD_STAGES, PROJECT_STAGES };
