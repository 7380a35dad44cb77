/** Routing (candidates, overflow ladder) and working windows across time zones, against hand-computed cases. */
import { describe, expect, it } from 'vitest';
import {
  overflowLadder,
  type RoutingPerson,
  type RoutingProject,
  rankCandidates,
} from '../../src/main/core/routing/engine';
import {
  clientDayWindow,
  hoursCovered,
  localToUtc,
  overlapHours,
  utcWindow,
} from '../../src/main/core/routing/timezones';
import { addDays, weekday } from '../../src/shared/dates';

const iso = (ms: number) => new Date(ms).toISOString();
const H = 3_600_000;

describe('utcWindow across daylight saving', () => {
  it('Copenhagen spring forward (2026-03-29): 09:00 is 08:00Z the day before, 07:00Z on and after', () => {
    expect(iso(utcWindow('2026-03-28', 'Europe/Copenhagen', 540, 8).start)).toBe('2026-03-28T08:00:00.000Z');
    expect(utcWindow('2026-03-29', 'Europe/Copenhagen', 540, 8)).toEqual({
      start: Date.parse('2026-03-29T07:00:00Z'),
      end: Date.parse('2026-03-29T15:00:00Z'),
    });
    expect(iso(utcWindow('2026-03-30', 'Europe/Copenhagen', 540, 8).start)).toBe('2026-03-30T07:00:00.000Z');
  });

  it('Copenhagen fall back (2026-10-25): 09:00 is 07:00Z on 10-24, 08:00Z on 10-25 and 10-26', () => {
    expect(iso(utcWindow('2026-10-24', 'Europe/Copenhagen', 540, 8).start)).toBe('2026-10-24T07:00:00.000Z');
    expect(iso(utcWindow('2026-10-25', 'Europe/Copenhagen', 540, 8).start)).toBe('2026-10-25T08:00:00.000Z');
    expect(iso(utcWindow('2026-10-26', 'Europe/Copenhagen', 540, 8).start)).toBe('2026-10-26T08:00:00.000Z');
  });

  it('a shift that spans the change keeps its elapsed length; skipped and repeated times resolve like Temporal', () => {
    const spring = utcWindow('2026-03-29', 'Europe/Copenhagen', 0, 8);
    expect(iso(spring.start)).toBe('2026-03-28T23:00:00.000Z');
    expect(spring.end - spring.start).toBe(8 * H);
    const autumn = utcWindow('2026-10-25', 'Europe/Copenhagen', 0, 8);
    expect(iso(autumn.start)).toBe('2026-10-24T22:00:00.000Z');
    // 02:30 does not exist on 03-29: it moves forward to 03:30 CEST; on 10-25 it happens twice: the first one.
    expect(iso(localToUtc('2026-03-29', 'Europe/Copenhagen', 150))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(localToUtc('2026-10-25', 'Europe/Copenhagen', 150))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('America/Caracas has no DST: 09:00 is 13:00Z all year', () => {
    for (const d of ['2026-01-15', '2026-03-29', '2026-07-01', '2026-10-25']) {
      expect(iso(utcWindow(d, 'America/Caracas', 540, 8).start)).toBe(`${d}T13:00:00.000Z`);
    }
  });

  it('a Caracas 09–17 day meets a Copenhagen client day for 3 h in winter time and 2 h in summer time', () => {
    const caracas = (d: string) => utcWindow(d, 'America/Caracas', 540, 8);
    expect(overlapHours(caracas('2026-03-27'), clientDayWindow('2026-03-27', 'Europe/Copenhagen'))).toBe(3);
    expect(overlapHours(caracas('2026-03-30'), clientDayWindow('2026-03-30', 'Europe/Copenhagen'))).toBe(2);
    expect(overlapHours({ start: 0, end: H }, { start: 2 * H, end: 3 * H })).toBe(0);
  });
});

describe('hoursCovered', () => {
  it('a Caracas day covers Copenhagen 15–22 (CEST); an hour counts from 30 worked minutes', () => {
    const day = utcWindow('2026-03-30', 'America/Caracas', 540, 8);
    expect(hoursCovered('2026-03-30', 'Europe/Copenhagen', day)).toEqual([15, 16, 17, 18, 19, 20, 21, 22]);
    const half = { start: Date.parse('2026-03-30T13:30:00Z'), end: Date.parse('2026-03-30T21:30:00Z') };
    expect(hoursCovered('2026-03-30', 'Europe/Copenhagen', half)).toEqual([15, 16, 17, 18, 19, 20, 21, 22, 23]);
    const quarter = { start: Date.parse('2026-03-30T13:45:00Z'), end: Date.parse('2026-03-30T21:45:00Z') };
    expect(hoursCovered('2026-03-30', 'Europe/Copenhagen', quarter)).toEqual([16, 17, 18, 19, 20, 21, 22, 23]);
  });

  it('the hour skipped by spring forward is never covered; several windows add up', () => {
    const allDay = { start: Date.parse('2026-03-28T20:00:00Z'), end: Date.parse('2026-03-30T00:00:00Z') };
    const hours = hoursCovered('2026-03-29', 'Europe/Copenhagen', allDay);
    expect(hours).toHaveLength(23);
    expect(hours).not.toContain(2);
    const split = [
      { start: Date.parse('2026-03-30T07:00:00Z'), end: Date.parse('2026-03-30T07:20:00Z') },
      { start: Date.parse('2026-03-30T07:40:00Z'), end: Date.parse('2026-03-30T08:00:00Z') },
    ];
    expect(hoursCovered('2026-03-30', 'Europe/Copenhagen', split)).toEqual([9]);
  });
});

const person = (over: Partial<RoutingPerson> & Pick<RoutingPerson, 'id' | 'name'>): RoutingPerson => ({
  role: 'Editor',
  hubId: null,
  hubName: null,
  employmentType: 'core',
  timeZone: 'UTC',
  workStartMinute: 540,
  hoursPerDay: 8,
  skills: [{ skill: 'video_editing', level: 4 }],
  freeHoursBeforeDue: 20,
  utilization: 0.5,
  firstPassRate: 0.8,
  onTimeRate: 1,
  hourlyRateMinor: null,
  rateCurrency: null,
  freeByDay: [],
  assignments: [],
  ...over,
});

/** `count` days from `from`, `perWeekday` free hours Monday–Friday, none at weekends. */
const freeDays = (from: string, count: number, perWeekday: number) =>
  Array.from({ length: count }, (_, i) => {
    const date = addDays(from, i);
    return { date, free: weekday(date) <= 5 ? perWeekday : 0 };
  });

const premium: RoutingProject = {
  id: 1,
  name: 'Nordic launch film',
  skill: 'video_editing',
  neededHours: 10,
  startDate: '2026-03-23',
  dueDate: '2026-04-03',
  hubName: null,
  currency: 'EUR',
  tier: 1,
  serviceCode: 'brand_campaign',
  clientTimeZone: 'Europe/Copenhagen',
};

const team: RoutingPerson[] = [
  person({ id: 1, name: 'Caracas editor', hubId: 1, hubName: 'Caracas', timeZone: 'America/Caracas' }),
  person({ id: 2, name: 'Copenhagen editor', hubId: 2, hubName: 'Copenhagen', timeZone: 'Europe/Copenhagen' }),
  person({ id: 3, name: 'Remote editor', hubId: 4, hubName: 'Remote', timeZone: 'UTC' }),
  person({
    id: 4,
    name: 'Overloaded lead',
    hubName: 'Copenhagen',
    timeZone: 'Europe/Copenhagen',
    skills: [{ skill: 'video_editing', level: 5 }],
    utilization: 1.2,
    freeHoursBeforeDue: 50,
  }),
  person({ id: 5, name: 'Busy editor', skills: [{ skill: 'video_editing', level: 3 }], freeHoursBeforeDue: 4 }),
  person({ id: 6, name: 'Freelance editor', employmentType: 'freelancer' }),
  person({ id: 7, name: 'Designer', skills: [{ skill: 'design', level: 5 }] }),
];

const pointsOf = (c: { reasons: { factor: string; points: number }[] }) =>
  Object.fromEntries(c.reasons.map((r) => [r.factor, r.points]));

describe('rankCandidates', () => {
  const ranked = rankCandidates(premium, team, '2026-03-27');

  it('premium EUR tier-1 work: Copenhagen 88 > Remote 81 > Caracas 73 at equal skill', () => {
    expect(ranked.candidates.map((c) => [c.personId, c.score])).toEqual([
      [2, 88],
      [3, 81],
      [1, 73],
    ]);
    // 24 skill (level 4) + 25 slack (10 h after a 10 h job) + hub + zone + 5 (50% used) + 9 (0.8 & 1.0)
    expect(pointsOf(ranked.candidates[0]!)).toEqual({
      skill: 24,
      free_hours: 25,
      hub_fit: 15,
      time_zone: 10,
      utilization: 5,
      quality: 9,
    });
    // Caracas: other hub 5; 13–21Z against the client's 08–16Z = 3 h → 5.
    expect(pointsOf(ranked.candidates[2]!)).toMatchObject({ hub_fit: 5, time_zone: 5 });
    expect(ranked.candidates[2]!.overlapHours).toBe(3);
    // Remote (UTC 09–17): 7 h overlap → full; Remote hub → 8.
    expect(pointsOf(ranked.candidates[1]!)).toMatchObject({ hub_fit: 8, time_zone: 10 });
  });

  it('the overloaded specialist (utilization 1.2, best skill) is excluded and never proposed', () => {
    expect(ranked.excluded).toEqual([
      { personId: 4, name: 'Overloaded lead', reason: 'overloaded' },
      { personId: 5, name: 'Busy editor', reason: 'no_free_hours' },
    ]);
    expect(ranked.candidates.some((c) => c.personId === 4)).toBe(false);
    // Freelancers and people without the skill are neither candidates nor excluded.
    const all = [...ranked.candidates.map((c) => c.personId), ...ranked.excluded.map((e) => e.personId)];
    expect(all).not.toContain(6);
    expect(all).not.toContain(7);
  });

  it("every reason's points are within its max and sum to the score", () => {
    for (const c of ranked.candidates) {
      expect(c.reasons.map((r) => r.factor)).toEqual([
        'skill',
        'free_hours',
        'hub_fit',
        'time_zone',
        'utilization',
        'quality',
      ]);
      expect(c.reasons.reduce((s, r) => s + r.points, 0)).toBe(c.score);
      for (const r of c.reasons) {
        expect(r.points).toBeGreaterThanOrEqual(0);
        expect(r.points).toBeLessThanOrEqual(r.max);
      }
      expect(c.reasons.reduce((s, r) => s + r.max, 0)).toBe(100);
    }
  });

  it('is deterministic: input order does not matter; ties go to more free hours, then the lower id', () => {
    const again = rankCandidates(premium, [...team].reverse(), '2026-03-27');
    expect(again).toEqual(ranked);
    const twins = [
      person({ id: 11, name: 'Twin A', freeHoursBeforeDue: 20 }),
      person({ id: 10, name: 'Twin B', freeHoursBeforeDue: 20 }),
      person({ id: 12, name: 'Twin C', freeHoursBeforeDue: 30 }),
    ];
    const order = rankCandidates(premium, twins, '2026-03-27').candidates.map((c) => c.personId);
    expect(order).toEqual([12, 10, 11]);
  });

  it('an unknown client zone gives half the time-zone points and says so', () => {
    const ranked2 = rankCandidates({ ...premium, clientTimeZone: null }, team, '2026-03-27');
    const zone = ranked2.candidates[0]!.reasons.find((r) => r.factor === 'time_zone')!;
    expect(zone.points).toBe(5);
    expect(zone.detail.clientTimeZone).toBe('unknown');
  });

  it('high-volume work prefers Caracas, LATAM mid-size work prefers Lima', () => {
    const lima = person({ id: 8, name: 'Lima editor', hubName: 'Lima', timeZone: 'America/Lima' });
    const people = [team[0]!, lima];
    const hubPoints = (p: RoutingProject) =>
      Object.fromEntries(
        rankCandidates(p, people, '2026-03-27').candidates.map((c) => [c.personId, pointsOf(c).hub_fit]),
      );
    expect(hubPoints({ ...premium, tier: 3, currency: 'USD', serviceCode: 'quick_edit' })).toEqual({ 1: 15, 8: 5 });
    expect(hubPoints({ ...premium, tier: 2, currency: 'PEN', serviceCode: 'explainer' })).toEqual({ 1: 5, 8: 15 });
  });
});

describe('overflowLadder', () => {
  const crunch: RoutingProject = {
    id: 50,
    name: 'Lima explainer',
    skill: 'video_editing',
    neededHours: 20,
    startDate: '2026-03-02',
    dueDate: '2026-03-04',
    hubName: 'Lima',
    currency: 'USD',
    tier: 2,
    serviceCode: 'explainer',
    clientTimeZone: 'America/Lima',
  };
  const asg = (id: number, skill: 'video_editing' | 'design', hoursInWindow: number) => ({
    id,
    projectName: `Project ${id}`,
    skill,
    hoursInWindow,
    dueDate: '2026-03-06',
  });
  const people: RoutingPerson[] = [
    person({
      id: 1,
      name: 'P1',
      freeHoursBeforeDue: 12,
      utilization: 0.9,
      freeByDay: freeDays('2026-03-02', 30, 3),
      assignments: [asg(101, 'video_editing', 10), asg(102, 'design', 9), asg(103, 'video_editing', 5)],
    }),
    person({
      id: 2,
      name: 'P2',
      skills: [{ skill: 'video_editing', level: 3 }],
      freeHoursBeforeDue: 5,
      utilization: 0.95,
      freeByDay: freeDays('2026-03-02', 30, 5),
      assignments: [asg(201, 'video_editing', 16)],
    }),
    person({
      id: 3,
      name: 'Q',
      skills: [{ skill: 'design', level: 3 }],
      freeHoursBeforeDue: 10,
      freeByDay: freeDays('2026-03-02', 30, 8),
    }),
    person({
      id: 4,
      name: 'R',
      skills: [
        { skill: 'video_editing', level: 2 },
        { skill: 'design', level: 2 },
      ],
      freeHoursBeforeDue: 11,
      utilization: 0.7,
      freeByDay: freeDays('2026-03-02', 30, 4),
    }),
    person({
      id: 5,
      name: 'O',
      skills: [{ skill: 'video_editing', level: 5 }],
      utilization: 1.2,
      freeHoursBeforeDue: 0,
      freeByDay: freeDays('2026-03-02', 30, 8),
      assignments: [asg(501, 'video_editing', 30)],
    }),
    person({ id: 6, name: 'F1', employmentType: 'freelancer', hourlyRateMinor: 4000, rateCurrency: 'USD' }),
    person({ id: 7, name: 'F2', employmentType: 'freelancer', hourlyRateMinor: 2500, rateCurrency: 'USD' }),
    person({
      id: 8,
      name: 'F3',
      employmentType: 'freelancer',
      skills: [{ skill: 'design', level: 4 }],
      hourlyRateMinor: 1000,
      rateCurrency: 'USD',
    }),
    person({ id: 9, name: 'Partner', employmentType: 'partner', hourlyRateMinor: 6000, rateCurrency: 'USD' }),
  ];

  it('nobody internal has 20 h: redistribute → freelancer → partner → new due date, with the numbers', () => {
    const ranked = rankCandidates(crunch, people, '2026-03-02');
    expect(ranked.candidates).toEqual([]);
    expect(ranked.excluded.map((e) => [e.personId, e.reason])).toEqual([
      [1, 'no_free_hours'],
      [2, 'no_free_hours'],
      [4, 'no_free_hours'],
      [5, 'overloaded'],
    ]);
    expect(overflowLadder(crunch, people, ranked.candidates)).toEqual([
      // P1 is 8 h short: its 9 h design job fits Q (design 3 beats R's 2), its 10 h edit fits only R (11 h free).
      // Its 5 h edit is too small; P2's 16 h edit fits nobody; O is overloaded and takes nothing.
      {
        step: 'redistribute',
        personId: 1,
        name: 'P1',
        moveAssignmentId: 102,
        moveProjectName: 'Project 102',
        moveToPersonId: 3,
        moveToName: 'Q',
        freedHours: 9,
      },
      {
        step: 'redistribute',
        personId: 1,
        name: 'P1',
        moveAssignmentId: 101,
        moveProjectName: 'Project 101',
        moveToPersonId: 4,
        moveToName: 'R',
        freedHours: 10,
      },
      // 25.00 × 20 h and 40.00 × 20 h; the designer has no video skill.
      { step: 'freelancer', personId: 7, name: 'F2', costMinor: 50_000, costCurrency: 'USD' },
      { step: 'freelancer', personId: 6, name: 'F1', costMinor: 80_000, costCurrency: 'USD' },
      { step: 'partner', personId: 9, name: 'Partner', costMinor: 120_000, costCurrency: 'USD' },
      // P2 piles up 5+5+5+5 by Thu 03-05; R 4×5 by Fri 03-06; P1 3×7 by Tue 03-10; O (8/day, 03-04) is overloaded.
      { step: 'new_due_date', personId: 2, name: 'P2', dueDate: '2026-03-05' },
    ]);
  });

  it('is empty while someone internal can take the project', () => {
    const roomy = [...people, person({ id: 20, name: 'Free editor', freeHoursBeforeDue: 40 })];
    const ranked = rankCandidates(crunch, roomy, '2026-03-02');
    expect(ranked.candidates.map((c) => c.personId)).toEqual([20]);
    expect(overflowLadder(crunch, roomy, ranked.candidates)).toEqual([]);
  });

  it('compares costs in other currencies through a converter, and leaves out the new date when no one gets there', () => {
    const outside = [
      person({
        id: 1,
        name: 'EUR freelancer',
        employmentType: 'freelancer',
        hourlyRateMinor: 3000,
        rateCurrency: 'EUR',
      }),
      person({
        id: 2,
        name: 'USD freelancer',
        employmentType: 'freelancer',
        hourlyRateMinor: 3100,
        rateCurrency: 'USD',
      }),
    ];
    const toUsd = (minor: number, from: string) => (from === 'EUR' ? minor * 1.1 : minor);
    const ladder = overflowLadder(crunch, outside, [], toUsd);
    expect(ladder.map((o) => [o.personId, o.costMinor, o.costCurrency])).toEqual([
      [2, 62_000, 'USD'],
      [1, 60_000, 'EUR'],
    ]);
    // Without a converter, the project's currency comes first.
    expect(overflowLadder(crunch, outside, []).map((o) => o.personId)).toEqual([2, 1]);
  });
});
