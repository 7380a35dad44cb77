/** Input schemas of the capacity, time, routing and balancing methods. */
import { z } from 'zod';
import { SKILLS, TIME_OFF_KINDS } from './capacity';
import { currencySchema, isoDateSchema, timeZoneSchema } from './schemas';

const id = z.number().int().positive();

const hoursSchema = (what: string, max: number) =>
  z
    .number({ message: `${what} must be a number.` })
    .min(0, `${what} cannot be negative.`)
    .max(max, `${what} can be at most ${max.toLocaleString('en-US')}.`);

export const matrixSchema = z
  .object({
    from: isoDateSchema,
    granularity: z.enum(['day', 'week', 'month']).default('week'),
    /** How many days, weeks or months. */
    count: z.number().int().min(1, 'Show at least one period.').max(62, 'Show at most 62 periods.'),
    hubId: id.nullable().default(null),
  })
  .strict();

export const demandSchema = z
  .object({
    weeks: z.number().int().min(1).max(26).default(13),
    from: isoDateSchema.optional(),
    /** One hub's people, projects and leads (the top bar's hub filter); null for the whole agency. */
    hubId: id.nullable().default(null),
  })
  .strict();

export const coverageSchema = z.object({ timeZone: timeZoneSchema, date: isoDateSchema.optional() }).strict();

const assignmentFields = {
  projectId: id,
  personId: id,
  plannedHours: hoursSchema('Planned hours', 2000).refine((h) => h > 0, 'Planned hours must be more than 0.'),
  startDate: isoDateSchema,
  endDate: isoDateSchema,
  costMinor: z.number().int().nonnegative('The cost cannot be negative.').nullable().default(null),
  costCurrency: currencySchema.nullable().default(null),
};

const datesInOrder = (a: { startDate?: string; endDate?: string }) =>
  !a.startDate || !a.endDate || a.endDate >= a.startDate;
const datesMessage = { message: 'The end date cannot be before the start date.', path: ['endDate'] };
const costPair = (a: { costMinor?: number | null; costCurrency?: string | null }) =>
  (a.costMinor === null || a.costMinor === undefined) === (a.costCurrency === null || a.costCurrency === undefined);
const costMessage = { message: 'Give the cost and its currency together.', path: ['costCurrency'] };

export const assignmentInputSchema = z
  .object(assignmentFields)
  .strict()
  .refine(datesInOrder, datesMessage)
  .refine(costPair, costMessage);

export const assignmentUpdateSchema = z
  .object({
    id,
    plannedHours: assignmentFields.plannedHours.optional(),
    startDate: isoDateSchema.optional(),
    endDate: isoDateSchema.optional(),
    costMinor: z.number().int().nonnegative('The cost cannot be negative.').nullable().optional(),
    costCurrency: currencySchema.nullable().optional(),
  })
  .strict()
  .refine(datesInOrder, datesMessage);

/** Drag on the board: to another person and/or shifted by whole days (dates keep their length). */
export const assignmentMoveSchema = z
  .object({
    id,
    personId: id,
    shiftDays: z.number().int().min(-366).max(366).default(0),
  })
  .strict();

export const assignmentRevertSchema = z
  .object({
    restore: z.array(
      z
        .object({
          id,
          personId: id,
          plannedHours: assignmentFields.plannedHours,
          startDate: isoDateSchema,
          endDate: isoDateSchema,
        })
        .strict(),
    ),
    remove: z.array(id),
  })
  .strict();

export const projectIdSchema = z.object({ projectId: id }).strict();

export const timeWeekSchema = z.object({ personId: id, weekStart: isoDateSchema }).strict();

export const timeLogSchema = z
  .object({
    personId: id,
    projectId: id,
    date: isoDateSchema,
    /** The day's total for this project; 0 removes the entry. */
    hours: hoursSchema('Hours', 24).refine((h) => Math.round(h * 4) === h * 4, 'Log hours in quarters (e.g. 1.25).'),
  })
  .strict();

export const timeOffListSchema = z.object({ personId: id.nullable().default(null) }).strict();

export const timeOffInputSchema = z
  .object({
    personId: id,
    startDate: isoDateSchema,
    endDate: isoDateSchema,
    kind: z.enum(TIME_OFF_KINDS, { message: 'Choose vacation, sick, personal or other.' }),
    note: z.string().trim().max(200, 'The note can be at most 200 characters.').nullable().default(null),
  })
  .strict()
  .refine(datesInOrder, datesMessage);

/** Dates of time off not booked yet, to count the working days they would take. */
export const timeOffPreviewSchema = z
  .object({ personId: id, startDate: isoDateSchema, endDate: isoDateSchema })
  .strict()
  .refine(datesInOrder, datesMessage);

/** The years Settings › Holidays can list; a holiday outside them could be saved but never seen. */
export const HOLIDAY_YEARS = { first: 2000, last: 2100 } as const;

export const holidayListSchema = z
  .object({ hubId: id, year: z.number().int().min(HOLIDAY_YEARS.first).max(HOLIDAY_YEARS.last) })
  .strict();

const holidayDate = isoDateSchema.refine((date) => {
  const year = Number(date.slice(0, 4));
  return year >= HOLIDAY_YEARS.first && year <= HOLIDAY_YEARS.last;
}, `Pick a day between ${HOLIDAY_YEARS.first} and ${HOLIDAY_YEARS.last}.`);

/** The longest holiday name: the core refuses more, and the form's field stops there. */
export const HOLIDAY_NAME_MAX = 80;

const holidayName = z
  .string()
  .trim()
  .min(1, 'Name the holiday.')
  .max(HOLIDAY_NAME_MAX, `The name can be at most ${HOLIDAY_NAME_MAX} characters.`);

/** Which holiday: its date and name (a hub has at most one of each name on a day). */
const holidayKey = { date: isoDateSchema, name: z.string().trim().min(1).max(HOLIDAY_NAME_MAX) };

export const holidayInputSchema = z.object({ hubId: id, date: holidayDate, name: holidayName }).strict();

/** A holiday added by hand, to remove. */
export const holidayRemoveSchema = z.object({ hubId: id, ...holidayKey }).strict();

/** A holiday added by hand (`from`), moved to another date and/or renamed. */
export const holidayUpdateSchema = z
  .object({ hubId: id, from: z.object(holidayKey).strict(), date: holidayDate, name: holidayName })
  .strict();

export const holidayToggleSchema = z.object({ hubId: id, ...holidayKey, active: z.boolean() }).strict();

export const skillsSetSchema = z
  .object({
    personId: id,
    skills: z
      .array(
        z
          .object({
            skill: z.enum(SKILLS, { message: 'Not a known skill.' }),
            level: z
              .number()
              .int('The level is a whole number from 1 to 5.')
              .min(1, 'The level is 1 to 5.')
              .max(5, 'The level is 1 to 5.'),
          })
          .strict(),
      )
      .refine((s) => new Set(s.map((x) => x.skill)).size === s.length, 'Each skill can be listed once.'),
  })
  .strict();

export const balanceSchema = z
  .object({
    weekStart: isoDateSchema.optional(),
    /** Balance among one hub's people (the top bar's hub filter); null for the whole agency. */
    hubId: id.nullable().default(null),
  })
  .strict();

export const balanceApplySchema = z
  .object({
    weekStart: isoDateSchema,
    hubId: id.nullable().default(null),
    moves: z
      .array(z.object({ assignmentId: id, toPersonId: id }).strict())
      .min(1, 'Choose at least one move to apply.'),
  })
  .strict();
