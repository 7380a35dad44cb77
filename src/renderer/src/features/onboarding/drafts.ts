/** The onboarding form as typed (strings), and its conversion to OnboardingInput. */
import type { Currency, EmploymentType, HubColor } from '../../../../shared/domain';
import type { OnboardingInput } from '../../../../shared/schemas';
import { parseDecimal, systemTimeZone } from '../../app/format';
import { emptyHubFields, type HubFields, hubFieldsToInput } from '../../app/hubForm';

export interface HubDraft extends HubFields {
  key: string;
}

export interface PersonDraft {
  key: string;
  name: string;
  role: string;
  hubName: string;
  employmentType: EmploymentType;
  hours: string;
}

export interface OnboardingDraft {
  name: string;
  reportingCurrency: Currency;
  timeZone: string;
  hubs: HubDraft[];
  people: PersonDraft[];
}

let seq = 0;
export const newKey = () => `k${++seq}`;

/** The four hubs of the reference agency (PRODUCT.md §1), editable and removable. */
export function defaultHubs(): HubDraft[] {
  return [
    {
      key: newKey(),
      name: 'Caracas',
      country: 'VE',
      timeZone: 'America/Caracas',
      currency: 'USD',
      targetKind: 'projects',
      share: '40',
      color: 'amber',
    },
    {
      key: newKey(),
      name: 'Copenhagen',
      country: 'DK',
      timeZone: 'Europe/Copenhagen',
      currency: 'EUR',
      targetKind: 'revenue',
      share: '30',
      color: 'sky',
    },
    {
      key: newKey(),
      name: 'Lima',
      country: 'PE',
      timeZone: 'America/Lima',
      currency: 'PEN',
      targetKind: 'revenue',
      share: '30',
      color: 'emerald',
    },
    {
      key: newKey(),
      name: 'Remote',
      country: 'US',
      timeZone: 'UTC',
      currency: 'USD',
      targetKind: '',
      share: '',
      color: 'violet',
    },
  ];
}

export function defaultDraft(): OnboardingDraft {
  return { name: '', reportingCurrency: 'USD', timeZone: systemTimeZone(), hubs: defaultHubs(), people: [] };
}

export function newHub(color: HubColor): HubDraft {
  return { key: newKey(), ...emptyHubFields(color) };
}

export function newPerson(hubName: string): PersonDraft {
  return { key: newKey(), name: '', role: '', hubName, employmentType: 'core', hours: '8' };
}

/** What is sent (and validated): numbers parsed, empty optional values as null. */
export function toInput(d: OnboardingDraft, locale: string): OnboardingInput {
  return {
    name: d.name,
    reportingCurrency: d.reportingCurrency,
    timeZone: d.timeZone.trim(),
    hubs: d.hubs.map((h) => hubFieldsToInput(h, null, locale)),
    people: d.people.map((p) => ({
      name: p.name,
      role: p.role,
      hubName: p.hubName,
      employmentType: p.employmentType,
      hoursPerDay: parseDecimal(p.hours, locale) ?? Number.NaN,
    })),
  };
}

export const STEPS = ['workspace', 'region', 'hubs', 'people'] as const;
export type Step = (typeof STEPS)[number];

/** Which step holds a field (for errors, including the server's). */
export function stepOfPath(path: string): number {
  if (path === 'name') return 0;
  if (path === 'reportingCurrency' || path === 'timeZone') return 1;
  if (path.startsWith('hubs')) return 2;
  return 3;
}

export const STEP_PREFIXES: string[][] = [['name'], ['reportingCurrency', 'timeZone'], ['hubs'], ['people']];
