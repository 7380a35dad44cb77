/**
 * Capacity and routing through the real core on the demo agency (as of today):
 * the matrix adds up, routing ranks and excludes as PRODUCT.md §3.2 says, the
 * overflow ladder appears when everyone internal is full, moves and balances
 * undo exactly, time logs reduce what remains, and holidays are editable.
 */
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/main/hosts/core-client';
import type { CapacityMatrix, CapacityPerson } from '../../src/shared/capacity';
import { addDays, localDate, startOfIsoWeek } from '../../src/shared/dates';
import { CLI, cleanTempDirs, expectOk, nextEvent, tempDir, testCore } from '../helpers';

/** An assignment written straight to the file, as another process (the CLI, a second window) would: its id. */
function insertAssignment(
  db: Database.Database,
  a: { projectId: number; personId: number; plannedHours: number; startDate: string; endDate: string },
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO assignments (project_id, person_id, planned_hours, start_date, end_date, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(a.projectId, a.personId, a.plannedHours, a.startDate, a.endDate, new Date().toISOString()).lastInsertRowid,
  );
}

describe('capacity and routing', () => {
  let core: CoreClient;
  let today: string;
  let file: string;
  const ids = { jonas: 0, camila: 0, copenhagen: 0, explainer: 0, social: 0, premium: 0 };

  async function win(company: string, serviceId: number, startDate: string, dueDate: string) {
    const lead = expectOk(
      await core.call('leads/create', {
        company,
        contactName: 'Ingrid Dahl',
        channel: 'referral',
        vertical: 'saas',
        tier: 1,
        expectedValueMinor: 150_000,
        currency: 'EUR',
        hubId: ids.copenhagen,
      }),
    );
    return expectOk(await core.call('leads/win', { id: lead.id, serviceId, valueMinor: 150_000, startDate, dueDate }))
      .projectId;
  }

  /** A full-time core video editor in Copenhagen, employed between two dates. */
  const copenhagenEditor = async (name: string, startDate: string, endDate: string | null) =>
    expectOk(
      await core.call('people/create', {
        name,
        email: null,
        role: 'Video Editor',
        hubId: ids.copenhagen,
        employmentType: 'core',
        timeZone: 'Europe/Copenhagen',
        hoursPerDay: 8,
        workdays: [1, 2, 3, 4, 5],
        startDate,
        endDate,
      }),
    );

  const matrix = async (from: string, count = 1, granularity: 'day' | 'week' = 'week') =>
    expectOk(await core.call('capacity/matrix', { from, count, granularity }));
  const personIn = (m: CapacityMatrix, id: number): CapacityPerson => m.people.find((p) => p.id === id)!;

  beforeAll(async () => {
    core = testCore(tempDir());
    const { jobId } = expectOk(await core.call('workspace/createDemo', { seed: 'capacity' }));
    expect((await nextEvent(core, 'job/finished', (p) => p.jobId === jobId, 60_000)).result.ok).toBe(true);
    const current = expectOk(await core.call('workspace/current', {}));
    if (current.state !== 'open') throw new Error('not open');
    file = current.path;
    today = (await matrix('2026-01-01', 1, 'day')).today;
    const people = expectOk(await core.call('people/list', {}));
    ids.jonas = people.find((p) => p.name === 'Jonas Holm')!.id;
    ids.camila = people.find((p) => p.name === 'Camila Ortega')!.id;
    ids.copenhagen = expectOk(await core.call('hubs/list', {})).find((h) => h.name === 'Copenhagen')!.id;
    const services = expectOk(await core.call('catalogue/list', {}));
    ids.explainer = services.find((s) => s.code === 'explainer')!.id;
    ids.social = services.find((s) => s.code === 'social_video')!.id;
  }, 120_000);
  afterAll(async () => {
    await core.close();
    cleanTempDirs();
  });

  it('adds up: each cell is committed ÷ available, hubs and the team are the sums of their people', async () => {
    const m = await matrix(today, 4);
    expect(m.periods).toHaveLength(4);
    expect(m.people.length).toBeGreaterThan(10);
    for (const p of m.people)
      for (const c of p.cells)
        if (c.available > 0) expect(c.utilization).toBeCloseTo(c.committed / c.available, 1);
        else expect(c.utilization).toBeNull();
    const team = m.people.filter((p) => p.employmentType === 'core');
    const sum = (ps: CapacityPerson[], key: 'available' | 'committed') => ps.reduce((s, p) => s + p.total[key], 0);
    expect(m.team.total.available).toBeCloseTo(sum(team, 'available'), 1);
    expect(m.team.total.committed).toBeCloseTo(sum(team, 'committed'), 1);
    for (const hub of m.hubs) {
      const members = m.people.filter((p) => p.hubId === hub.hubId);
      expect(hub.total.available).toBeCloseTo(sum(members, 'available'), 1);
    }
    // A month is the sum of its days.
    const month = expectOk(
      await core.call('capacity/matrix', { from: today, granularity: 'month', count: 2, hubId: null }),
    );
    const first = month.periods[0]!;
    expect(first.start).toBe(`${today.slice(0, 8)}01`);
    expect(month.periods[1]!.start).toBe(addDays(first.end, 1));
    const days = await matrix(first.start, Number(first.end.slice(8)), 'day');
    expect(month.team.cells[0]!.available).toBeCloseTo(
      days.team.cells.reduce((s, c) => s + c.available, 0),
      1,
    );
    expect(month.team.cells[0]!.committed).toBeCloseTo(
      days.team.cells.reduce((s, c) => s + c.committed, 0),
      1,
    );
    // The demo's production people logged hours in past weeks; open work shows as assignments to move.
    const past = await matrix(addDays(today, -28), 5);
    expect(personIn(past, ids.camila).total.committed).toBeGreaterThan(0);
    expect(past.people.some((p) => p.assignments.length > 0)).toBe(true);
  });

  it("demand for one hub counts that hub's people, as the board filtered to the hub does", async () => {
    const from = startOfIsoWeek(today);
    const all = expectOk(await core.call('capacity/demand', { weeks: 4, from }));
    const hub = expectOk(await core.call('capacity/demand', { weeks: 4, from, hubId: ids.copenhagen }));
    const board = expectOk(
      await core.call('capacity/matrix', { from, granularity: 'week', count: 4, hubId: ids.copenhagen }),
    );
    const group = board.hubs.find((h) => h.hubId === ids.copenhagen)!;
    hub.weeks.forEach((w, i) => {
      expect(w.capacityHours).toBeCloseTo(group.cells[i]!.available, 1);
      expect(w.capacityHours).toBeLessThan(all.weeks[i]!.capacityHours);
      expect(w.pipelineHours).toBeLessThanOrEqual(all.weeks[i]!.pipelineHours + 0.05);
    });
  });

  it("ranks a Copenhagen person first for the demo's premium EUR work, with the reasons behind it", async () => {
    const projectId = await win('Fjord Premium ApS', ids.explainer, today, addDays(today, 14));
    ids.premium = projectId;
    const report = expectOk(await core.call('routing/candidates', { projectId }));
    expect(report.skill).toBe('motion');
    expect(report.clientTimeZone).toBe('Europe/Copenhagen');
    expect(report.candidates.length).toBeGreaterThan(0);
    expect(report.candidates[0]).toMatchObject({ personId: ids.jonas, hubName: 'Copenhagen' });
    const best = report.candidates[0]!;
    expect(best.reasons.map((r) => r.factor)).toEqual([
      'skill',
      'free_hours',
      'hub_fit',
      'time_zone',
      'utilization',
      'quality',
    ]);
    expect(best.reasons.reduce((s, r) => s + r.points, 0)).toBe(best.score);
    expect(best.reasons.find((r) => r.factor === 'hub_fit')!.points).toBe(15);
    expect(report.overflow).toEqual([]);

    // One click assigns: the assignment appears on the project and in the person's committed hours.
    const before = personIn(await matrix(today, 3), ids.jonas).total.committed;
    const assigned = expectOk(
      await core.call('assignments/create', {
        projectId,
        personId: best.personId,
        plannedHours: report.neededHours,
        startDate: report.startDate,
        endDate: report.dueDate,
      }),
    );
    expect(expectOk(await core.call('assignments/forProject', { projectId })).map((a) => a.id)).toEqual([assigned.id]);
    const after = personIn(await matrix(today, 3), ids.jonas).total.committed;
    expect(after - before).toBeCloseTo(report.neededHours, 1);
    expectOk(await core.call('assignments/delete', { id: assigned.id }));
  });

  it('never proposes an overloaded specialist, raises an alert for them, and shows the overflow ladder when everyone is full', async () => {
    const projectId = await win('Nordlys Media', ids.explainer, today, addDays(today, 14));
    const filler = await win('Havn Studio', ids.social, today, addDays(today, 14));
    const overload = async (personId: number) =>
      expectOk(
        await core.call('assignments/create', {
          projectId: filler,
          personId,
          plannedHours: 300,
          startDate: today,
          endDate: addDays(today, 13),
        }),
      ).id;

    const jonasLoad = await overload(ids.jonas);
    let report = expectOk(await core.call('routing/candidates', { projectId }));
    expect(report.candidates.map((c) => c.personId)).not.toContain(ids.jonas);
    expect(report.excluded).toContainEqual({ personId: ids.jonas, name: 'Jonas Holm', reason: 'overloaded' });
    const alerts = expectOk(await core.call('alerts/list', {}));
    expect(alerts).toContainEqual(
      expect.objectContaining({
        rule: 'person_overloaded',
        entity: 'person',
        entityId: ids.jonas,
        priority: 'ATTENTION',
      }),
    );

    const camilaLoad = await overload(ids.camila);
    report = expectOk(await core.call('routing/candidates', { projectId }));
    expect(report.candidates).toEqual([]);
    const order = ['redistribute', 'freelancer', 'partner', 'new_due_date'];
    const steps = report.overflow.map((o) => order.indexOf(o.step));
    expect(steps.length).toBeGreaterThan(0);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    // Sebastián Vega, the motion artist, at his hourly rate × the hours needed.
    const freelancer = report.overflow.find((o) => o.step === 'freelancer')!;
    expect(freelancer).toMatchObject({ name: 'Sebastián Vega', costCurrency: 'USD' });
    expect(freelancer.costMinor).toBe(Math.round(3500 * report.neededHours));

    // Taking the load away resolves the alert and brings the specialists back.
    expectOk(await core.call('assignments/delete', { id: jonasLoad }));
    expectOk(await core.call('assignments/delete', { id: camilaLoad }));
    expect(
      expectOk(await core.call('alerts/list', {})).some(
        (a) => a.rule === 'person_overloaded' && a.entityId === ids.jonas,
      ),
    ).toBe(false);
    report = expectOk(await core.call('routing/candidates', { projectId }));
    expect(report.candidates.map((c) => c.personId)).toContain(ids.jonas);
  });

  it("lists capacity alerts brought up to date with another process's changes to the work", async () => {
    const projectId = await win('Bølge Reklame', ids.social, today, addDays(today, 14));
    const overloaded = async () =>
      expectOk(await core.call('alerts/list', { entity: 'person' })).some(
        (a) => a.rule === 'person_overloaded' && a.entityId === ids.jonas,
      );
    expect(await overloaded()).toBe(false);
    // Another process (the CLI, a second window) loads Jonas far beyond his week: no write here raised anything.
    const db = new Database(file);
    try {
      const id = insertAssignment(db, {
        projectId,
        personId: ids.jonas,
        plannedHours: 300,
        startDate: today,
        endDate: addDays(today, 6),
      });
      expect(await overloaded()).toBe(true);
      db.prepare('DELETE FROM assignments WHERE id = ?').run(id);
      expect(await overloaded()).toBe(false);
    } finally {
      db.close();
    }
  });

  it('refuses an assignment after the person leaves, with a clear message, and writes nothing', async () => {
    const leaver = await copenhagenEditor('Temporary Editor', addDays(today, -30), addDays(today, 3));
    const projectId = await win('Kort Film', ids.social, today, addDays(today, 10));
    const refused = await core.call('assignments/create', {
      projectId,
      personId: leaver.id,
      plannedHours: 5,
      startDate: today,
      endDate: addDays(today, 10),
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.message).toBe(
        `Temporary Editor leaves on ${addDays(today, 3)}; the assignment cannot end on ${addDays(today, 10)}.`,
      );
      expect(refused.error.field).toBe('endDate');
    }
    expect(expectOk(await core.call('assignments/forProject', { projectId }))).toEqual([]);
  });

  it('moves an assignment to another person and undoes it exactly', async () => {
    const nextWeek = addDays(startOfIsoWeek(today), 7);
    const projectId = await win('Bølge Reklame', ids.social, today, addDays(nextWeek, 4));
    const a = expectOk(
      await core.call('assignments/create', {
        projectId,
        personId: ids.camila,
        plannedHours: 10,
        startDate: nextWeek,
        endDate: addDays(nextWeek, 4),
      }),
    );
    const before = await matrix(nextWeek);
    const moved = expectOk(await core.call('assignments/move', { id: a.id, personId: ids.jonas, shiftDays: 0 }));
    expect(moved.assignment).toMatchObject({ id: a.id, personId: ids.jonas });
    const after = await matrix(nextWeek);
    const delta = (m: CapacityMatrix, id: number) => personIn(m, id).cells[0]!.committed;
    expect(delta(before, ids.camila) - delta(after, ids.camila)).toBeCloseTo(10, 1);
    expect(delta(after, ids.jonas) - delta(before, ids.jonas)).toBeCloseTo(10, 1);

    expectOk(await core.call('assignments/revert', moved.revert));
    const undone = await matrix(nextWeek);
    expect(personIn(undone, ids.camila).cells).toEqual(personIn(before, ids.camila).cells);
    expect(personIn(undone, ids.jonas).cells).toEqual(personIn(before, ids.jonas).cells);
    expectOk(await core.call('assignments/delete', { id: a.id }));
  });

  it('balances next week: moves work off an overloaded person to someone skilled with room, and undoes it', async () => {
    const nextWeek = addDays(startOfIsoWeek(today), 7);
    const fresh = await copenhagenEditor('Balance Editor', nextWeek, null);
    expectOk(await core.call('skills/set', { personId: fresh.id, skills: [{ skill: 'video_editing', level: 4 }] }));
    const p1 = await win('Tårn Video', ids.social, today, addDays(nextWeek, 4));
    const p2 = await win('Lys Video', ids.social, today, addDays(nextWeek, 4));
    for (const [projectId, plannedHours] of [
      [p1, 32],
      [p2, 16],
    ] as const)
      expectOk(
        await core.call('assignments/create', {
          projectId,
          personId: ids.jonas,
          plannedHours,
          startDate: nextWeek,
          endDate: addDays(nextWeek, 4),
        }),
      );
    const before = personIn(await matrix(nextWeek), ids.jonas).cells[0]!;
    expect(before.utilization).toBeGreaterThan(1);

    const proposal = expectOk(await core.call('capacity/balance', { weekStart: nextWeek }));
    expect(proposal.overloadBefore).toBeGreaterThan(0);
    expect(proposal.overloadAfter).toBeLessThan(proposal.overloadBefore);
    const fromJonas = proposal.moves.filter((m) => m.fromPersonId === ids.jonas);
    expect(fromJonas.length).toBeGreaterThan(0);
    const revert = expectOk(
      await core.call('capacity/applyBalance', {
        weekStart: nextWeek,
        moves: proposal.moves.map((m) => ({ assignmentId: m.assignmentId, toPersonId: m.toPersonId })),
      }),
    );
    const balanced = await matrix(nextWeek);
    const moved = fromJonas.reduce((s, m) => s + m.hours, 0);
    expect(before.committed - personIn(balanced, ids.jonas).cells[0]!.committed).toBeCloseTo(moved, 1);
    // A stale proposal is refused rather than half-applied.
    const stale = await core.call('capacity/applyBalance', {
      weekStart: nextWeek,
      moves: [{ assignmentId: fromJonas[0]!.assignmentId, toPersonId: fromJonas[0]!.toPersonId }],
    });
    expect(stale.ok).toBe(false);

    expectOk(await core.call('assignments/revert', revert));
    expect(personIn(await matrix(nextWeek), ids.jonas).cells[0]).toEqual(before);
  });

  it("balances among one hub's people when the board is filtered to that hub", async () => {
    const week = addDays(startOfIsoWeek(today), 14);
    const camila = expectOk(await core.call('people/list', {})).find((p) => p.id === ids.camila)!;
    expect(camila.hubId).not.toBe(ids.copenhagen);
    const created: number[] = [];
    for (const company of ['Fjern Video', 'Nær Video']) {
      const projectId = await win(company, ids.social, today, addDays(week, 4));
      created.push(
        expectOk(
          await core.call('assignments/create', {
            projectId,
            personId: ids.camila,
            plannedHours: 30,
            startDate: week,
            endDate: addDays(week, 4),
          }),
        ).id,
      );
    }
    const all = expectOk(await core.call('capacity/balance', { weekStart: week }));
    const across = all.moves.find((m) => m.fromPersonId === ids.camila);
    expect(across).toBeDefined();

    const hubPeople = async (hubId: number) =>
      new Set((await matrix(week)).people.filter((p) => p.hubId === hubId).map((p) => p.id));
    const copenhagen = await hubPeople(ids.copenhagen);
    const cph = expectOk(await core.call('capacity/balance', { weekStart: week, hubId: ids.copenhagen }));
    for (const p of cph.before) expect(copenhagen.has(p.personId)).toBe(true);
    for (const m of cph.moves) expect(copenhagen.has(m.fromPersonId) && copenhagen.has(m.toPersonId)).toBe(true);
    const own = expectOk(await core.call('capacity/balance', { weekStart: week, hubId: camila.hubId }));
    expect(own.before.map((p) => p.personId)).toContain(ids.camila);
    const ownHub = await hubPeople(camila.hubId!);
    for (const m of own.moves) expect(ownHub.has(m.toPersonId)).toBe(true);
    // A move to another hub is not one of the hub's proposals: applying it there is refused.
    const refused = await core.call('capacity/applyBalance', {
      weekStart: week,
      hubId: ids.copenhagen,
      moves: [{ assignmentId: across!.assignmentId, toPersonId: across!.toPersonId }],
    });
    expect(refused.ok).toBe(false);
    for (const id of created) expectOk(await core.call('assignments/delete', { id }));
  });

  it('logs hours: they reduce what remains; the future and a 25-hour day are refused', async () => {
    const start = addDays(today, -6);
    const projectId = await win('Log Studio', ids.social, start, addDays(today, 7));
    const a = expectOk(
      await core.call('assignments/create', {
        projectId,
        personId: ids.camila,
        plannedHours: 12,
        startDate: start,
        endDate: addDays(today, 7),
      }),
    );
    const week = expectOk(await core.call('time/log', { personId: ids.camila, projectId, date: today, hours: 2.5 }));
    const day = week.days.indexOf(today);
    expect(week.rows.find((r) => r.projectId === projectId)!.hours[day]).toBe(2.5);
    const after = expectOk(await core.call('assignments/forProject', { projectId }))[0]!;
    expect(after).toMatchObject({ id: a.id, loggedHours: 2.5, remainingHours: 9.5 });

    const future = await core.call('time/log', { personId: ids.camila, projectId, date: addDays(today, 1), hours: 1 });
    expect(future.ok === false && future.error.field).toBe('date');
    const tooMuch = await core.call('time/log', { personId: ids.camila, projectId, date: today, hours: 25 });
    expect(tooMuch.ok === false && tooMuch.error.field).toBe('hours');
    // The per-day rollup the matrix reads (kept by triggers) equals the entries summed, after inserts and updates…
    expectOk(await core.call('time/log', { personId: ids.camila, projectId, date: today, hours: 3.25 }));
    const rollupAgrees = () => {
      const db = new Database(file, { readonly: true });
      try {
        const sums = db
          .prepare('SELECT date, person_id, sum(hours) AS h FROM time_entries GROUP BY 1, 2 ORDER BY 1, 2')
          .all();
        const daily = db.prepare('SELECT date, person_id, hours AS h FROM time_daily ORDER BY 1, 2').all();
        return expect(daily).toEqual(sums);
      } finally {
        db.close();
      }
    };
    rollupAgrees();
    // …and deletes: zero removes the entry.
    expectOk(await core.call('time/log', { personId: ids.camila, projectId, date: today, hours: 0 }));
    expect(expectOk(await core.call('assignments/forProject', { projectId }))[0]!.remainingHours).toBe(12);
    rollupAgrees();
  });

  it("takes a hub's holidays from its country's calendar; switching one off makes it a working day", async () => {
    const holidays = expectOk(await core.call('holidays/list', { hubId: ids.copenhagen, year: 2027 }));
    const christmas = holidays.find((h) => h.date === '2027-12-24' || h.date === '2027-12-25')!;
    expect(christmas).toMatchObject({ source: 'library', active: true });
    const on = async () => personIn(await matrix('2027-03-29', 1, 'week'), ids.jonas).cells[0]!;
    // Easter 2027 in Denmark: Thursday 25 March to Monday 29 March.
    const easterMonday = holidays.find((h) => h.date === '2027-03-29')!;
    expect((await on()).holidays).toContain(easterMonday.name);
    const availableBefore = (await on()).available;
    expectOk(
      await core.call('holidays/setActive', {
        hubId: ids.copenhagen,
        date: '2027-03-29',
        name: easterMonday.name,
        active: false,
      }),
    );
    expect((await on()).available).toBe(availableBefore + 8);
    expectOk(
      await core.call('holidays/setActive', {
        hubId: ids.copenhagen,
        date: '2027-03-29',
        name: easterMonday.name,
        active: true,
      }),
    );
    expect((await on()).available).toBe(availableBefore);
    const added = expectOk(
      await core.call('holidays/add', { hubId: ids.copenhagen, date: '2027-03-30', name: 'Agency day' }),
    );
    expect(added).toMatchObject({ source: 'manual', active: true });
    expect((await on()).available).toBe(availableBefore - 8);
    const twice = await core.call('holidays/add', { hubId: ids.copenhagen, date: '2027-03-30', name: 'Agency day' });
    expect(twice.ok === false && twice.error.code).toBe('CONFLICT');
    // One added by hand can be removed: the hub works that day again. The public calendar's can only be switched off.
    const agencyDay = { hubId: ids.copenhagen, date: '2027-03-30', name: 'Agency day' };
    expect(expectOk(await core.call('holidays/remove', agencyDay))).toEqual({ removed: 1 });
    expect((await on()).available).toBe(availableBefore);
    const again = await core.call('holidays/remove', agencyDay);
    expect(again.ok === false && again.error.code).toBe('NOT_FOUND');
    const library = await core.call('holidays/remove', {
      hubId: ids.copenhagen,
      date: '2027-03-29',
      name: easterMonday.name,
    });
    expect(library.ok === false && library.error.code).toBe('NOT_FOUND');
    expect((await on()).holidays).toContain(easterMonday.name);
  });

  it('edits a holiday added by hand; refuses the public calendar’s, a missing one, a duplicate and bad input', async () => {
    const hubId = ids.copenhagen;
    const on = async (date: string) => personIn(await matrix(date, 1, 'day'), ids.jonas).cells[0]!;
    // Wednesday 14 and Thursday 15 April 2027: plain working days in Denmark.
    const before = (await on('2027-04-15')).available;
    expect(before).toBeGreaterThan(0);
    expectOk(await core.call('holidays/add', { hubId, date: '2027-04-14', name: 'Offsite' }));
    expectOk(await core.call('holidays/add', { hubId, date: '2027-04-15', name: 'Team day' }));
    const list = async () =>
      expectOk(await core.call('holidays/list', { hubId, year: 2027 }))
        .filter((h) => h.source === 'manual')
        .map((h) => [h.date, h.name, h.active]);
    const asItWas = await list();
    expect(asItWas).toEqual([
      ['2027-04-14', 'Offsite', true],
      ['2027-04-15', 'Team day', true],
    ]);
    const refused = async (args: Record<string, unknown>) => {
      const r = await core.call('holidays/update', args as never);
      expect(await list()).toEqual(asItWas);
      return r.ok ? null : r.error;
    };
    // The public calendar's is refused, by its own message (it can only be switched off).
    const holidays = expectOk(await core.call('holidays/list', { hubId, year: 2027 }));
    const easterMonday = holidays.find((h) => h.date === '2027-03-29')!;
    expect(
      await refused({
        hubId,
        from: { date: easterMonday.date, name: easterMonday.name },
        date: '2027-03-30',
        name: 'X',
      }),
    ).toMatchObject({
      code: 'CONFLICT',
      message: `"${easterMonday.name}" comes from the public calendar: it cannot be edited, only switched off.`,
    });
    expect(
      expectOk(await core.call('holidays/list', { hubId, year: 2027 })).find((h) => h.date === '2027-03-29'),
    ).toMatchObject({ name: easterMonday.name, active: true });
    // One that is not there.
    expect(
      await refused({ hubId, from: { date: '2027-04-16', name: 'Offsite' }, date: '2027-04-16', name: 'Offsite 2' }),
    ).toMatchObject({ code: 'NOT_FOUND', message: 'There is no holiday "Offsite" on 2027-04-16.' });
    // A name the hub already has on the new date: beside the name.
    expect(
      await refused({ hubId, from: { date: '2027-04-14', name: 'Offsite' }, date: '2027-04-15', name: 'Team day' }),
    ).toMatchObject({ code: 'CONFLICT', field: 'name', message: '"Team day" is already a holiday on 2027-04-15.' });
    // …and a public holiday's name on its date (even switched off, it is still listed).
    expect(
      await refused({
        hubId,
        from: { date: '2027-04-14', name: 'Offsite' },
        date: '2027-03-29',
        name: easterMonday.name,
      }),
    ).toMatchObject({ code: 'CONFLICT', field: 'name' });
    // Bad dates and names, beside their fields.
    const from = { date: '2027-04-14', name: 'Offsite' };
    expect(await refused({ hubId, from, date: '2027-02-30', name: 'Offsite' })).toMatchObject({
      code: 'BAD_REQUEST',
      field: 'date',
    });
    // A day the holiday list cannot show (it lists 2000–2100): refused, by add as well, and nothing is written.
    const outOfRange = { code: 'BAD_REQUEST', field: 'date', message: 'Pick a day between 2000 and 2100. (date)' };
    expect(await refused({ hubId, from, date: '2101-04-14', name: 'Offsite' })).toMatchObject(outOfRange);
    const added = await core.call('holidays/add', { hubId, date: '1999-12-31', name: 'Offsite' });
    expect(added.ok ? null : added.error).toMatchObject(outOfRange);
    expect(
      expectOk(await core.call('holidays/list', { hubId, year: 2000 })).filter((h) => h.source === 'manual'),
    ).toEqual([]);
    expect(await refused({ hubId, from, date: '2027-04-16', name: '   ' })).toMatchObject({
      code: 'BAD_REQUEST',
      field: 'name',
    });
    expect(await refused({ hubId, from, date: '2027-04-16', name: 'x'.repeat(81) })).toMatchObject({
      code: 'BAD_REQUEST',
      field: 'name',
    });
    expect(await refused({ hubId: 999_999, from, date: '2027-04-16', name: 'Offsite' })).toMatchObject({
      code: 'NOT_FOUND',
    });

    // Moved and renamed: the old day is worked again, the new one is off; switched off, it stays off when moved.
    expectOk(await core.call('holidays/setActive', { hubId, ...from, active: false }));
    const moved = expectOk(
      await core.call('holidays/update', { hubId, from, date: '2027-04-16', name: '  Offsite (moved)  ' }),
    );
    expect(moved).toEqual({ hubId, date: '2027-04-16', name: 'Offsite (moved)', source: 'manual', active: false });
    expectOk(
      await core.call('holidays/update', {
        hubId,
        from: { date: '2027-04-15', name: 'Team day' },
        date: '2027-04-13',
        name: 'Team day',
      }),
    );
    expect(await list()).toEqual([
      ['2027-04-13', 'Team day', true],
      ['2027-04-16', 'Offsite (moved)', false],
    ]);
    expect((await on('2027-04-15')).available).toBe(before);
    expect((await on('2027-04-13')).available).toBe(0);
    // Across a year: it leaves this year's list for the next one's.
    expectOk(
      await core.call('holidays/update', {
        hubId,
        from: { date: '2027-04-13', name: 'Team day' },
        date: '2028-01-03',
        name: 'Team day',
      }),
    );
    expect((await list()).map(([d]) => d)).toEqual(['2027-04-16']);
    expect(
      expectOk(await core.call('holidays/list', { hubId, year: 2028 })).filter((h) => h.source === 'manual'),
    ).toEqual([{ hubId, date: '2028-01-03', name: 'Team day', source: 'manual', active: true }]);
  });

  it('counts time off in working days, as the board does: a weekend and a hub holiday take none', async () => {
    const editor = await copenhagenEditor('Long Weekend Editor', '2027-01-04', null);
    const book = async (startDate: string, endDate: string) =>
      expectOk(
        await core.call('timeOff/add', { personId: editor.id, startDate, endDate, kind: 'vacation', note: null }),
      );
    // Friday 9 to Monday 12 April 2027: four calendar days, two working days.
    const friToMon = await book('2027-04-09', '2027-04-12');
    expect(friToMon.workingDays).toBe(2);
    // Wednesday 24 to Monday 29 March 2027: Danish Easter takes Thursday, Friday and Monday; only Wednesday is left.
    const overEaster = await book('2027-03-24', '2027-03-29');
    expect(overEaster.workingDays).toBe(1);
    const weekendOnly = await book('2027-04-17', '2027-04-18');
    expect(weekendOnly.workingDays).toBe(0);
    // Before booking, the form's count is the list's: the same rule, holidays and employment dates.
    const preview = async (startDate: string, endDate: string) =>
      expectOk(await core.call('timeOff/workingDays', { personId: editor.id, startDate, endDate })).workingDays;
    expect(await preview('2027-04-09', '2027-04-12')).toBe(2);
    expect(await preview('2027-03-24', '2027-03-29')).toBe(1);
    expect(await preview('2027-04-17', '2027-04-18')).toBe(0);
    // Before the person starts, nothing is taken.
    expect(await preview('2026-12-28', '2027-01-05')).toBe(2);
    const backwards = await core.call('timeOff/workingDays', {
      personId: editor.id,
      startDate: '2027-04-12',
      endDate: '2027-04-09',
    });
    expect(backwards.ok === false && backwards.error.field).toBe('endDate');
    const nobody = await core.call('timeOff/workingDays', {
      personId: 999_999,
      startDate: '2027-04-09',
      endDate: '2027-04-09',
    });
    expect(nobody.ok === false && nobody.error.code).toBe('NOT_FOUND');
    const listed = expectOk(await core.call('timeOff/list', { personId: editor.id }));
    expect(listed.map((o) => [o.startDate, o.workingDays])).toEqual([
      ['2027-04-17', 0],
      ['2027-04-09', 2],
      ['2027-03-24', 1],
    ]);
    // The board's weeks count the same days off: only the working days each week loses.
    const weeks = personIn(await matrix('2027-03-22', 4, 'week'), editor.id).cells;
    expect(weeks.map((c) => c.timeOffDays)).toEqual([1, 0, 1, 1]);
  });

  it('answers `atalaya capacity` and `atalaya route` as JSON for scripts', () => {
    const run = (...args: string[]) => {
      const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
      return { status: r.status, json: () => JSON.parse(r.stdout), stderr: r.stderr };
    };
    const capacity = run('capacity', '--workspace', file, '--from', today, '--weeks', '2', '--json');
    expect(capacity.status).toBe(0);
    const c = capacity.json();
    expect(c.people.length).toBeGreaterThan(10);
    expect(c.people[0]).toEqual(
      expect.objectContaining({ id: expect.any(Number), name: expect.any(String), available: expect.any(Number) }),
    );
    expect(c.people[0].weeks).toHaveLength(2);
    expect(Object.keys(c.people[0])).toEqual(
      expect.arrayContaining(['hub', 'employmentType', 'committed', 'utilization', 'band']),
    );
    expect(c.hubs.map((h: { name: string }) => h.name)).toEqual(
      expect.arrayContaining(['Caracas', 'Copenhagen', 'Lima']),
    );
    expect(c.team).toEqual(expect.objectContaining({ available: expect.any(Number), committed: expect.any(Number) }));

    const badWeeks = run('capacity', '--workspace', file, '--weeks', 'lots');
    expect(badWeeks.status).toBe(2);
    const missing = run('route', '--workspace', file, '--project', '999999', '--json');
    expect(missing.status).toBe(1);
    expect(missing.json().error.code).toBe('NOT_FOUND');
    const route = run('route', '--workspace', file, '--project', String(ids.premium), '--json');
    expect(route.status).toBe(0);
    expect(route.json()).toMatchObject({ projectId: ids.premium, skill: 'motion', candidates: expect.any(Array) });
  });

  it("counts a delivery as on time by its date in the workspace's zone, and follows another process's change", async () => {
    // The demo workspace is in America/Caracas (UTC−4): 01:30Z is 21:30 the evening before.
    const db = new Database(file);
    try {
      const delivered = db
        .prepare(
          `SELECT p.id, p.due_date AS due FROM projects p
           WHERE p.delivered_at IS NOT NULL AND p.id IN (SELECT project_id FROM assignments WHERE person_id = ?)
           ORDER BY p.id`,
        )
        .all(ids.jonas) as { id: number; due: string }[];
      expect(delivered.length).toBeGreaterThan(1);
      const onTimeRate = async () => {
        const report = expectOk(await core.call('routing/candidates', { projectId: ids.premium }));
        return report.candidates.find((c) => c.personId === ids.jonas)!.onTimeRate!;
      };
      const deliverAt = (instant: string) =>
        db.prepare('UPDATE projects SET delivered_at = ? WHERE id = ?').run(instant, delivered[0]!.id);
      const due = delivered[0]!.due;
      deliverAt(`${due}T15:00:00Z`);
      const onTime = await onTimeRate();
      deliverAt(`${addDays(due, 1)}T01:30:00Z`); // 21:30 on the due date in Caracas
      expect(await onTimeRate()).toBeCloseTo(onTime, 10);
      deliverAt(`${addDays(due, 1)}T05:00:00Z`); // 01:00 the day after
      expect(await onTimeRate()).toBeCloseTo(onTime - 1 / delivered.length, 10);
    } finally {
      db.close();
    }
  });

  it('pours overdue work into the free hours from today: days and weeks agree, and Balance sees the overflow where it lands', async () => {
    const editor = await copenhagenEditor('Overdue Editor', addDays(today, -60), null);
    expectOk(await core.call('skills/set', { personId: editor.id, skills: [{ skill: 'video_editing', level: 3 }] }));
    const projectId = await win('Sen Film', ids.social, addDays(today, -30), addDays(today, 30));
    const monday = startOfIsoWeek(today);
    const days = async () => personIn(await matrix(monday, 28, 'day'), editor.id).cells;
    const db = new Database(file);
    const overdue = (plannedHours: number) =>
      insertAssignment(db, {
        projectId,
        personId: editor.id,
        plannedHours,
        startDate: addDays(today, -20),
        endDate: addDays(today, -10),
      });
    try {
      // 60 h ended ten days ago: they fill the coming working days to 100%, in date order, none over.
      const small = overdue(60);
      const cells = await days();
      expect(cells.reduce((s, c) => s + c.committed, 0)).toBeCloseTo(60, 1);
      const working = cells.filter((c) => c.available > 0 && c.committed > 0);
      expect(working.length).toBeGreaterThan(6);
      for (const c of working.slice(0, -1)) expect(c.utilization).toBeCloseTo(1, 2);
      for (const c of cells) expect(c.committed).toBeLessThanOrEqual(c.available + 0.01);
      // The weeks say what the days say.
      const weeks = personIn(await matrix(monday, 4), editor.id).cells;
      for (const [i, w] of weeks.entries())
        expect(w.committed).toBeCloseTo(
          cells.slice(7 * i, 7 * i + 7).reduce((s, c) => s + c.committed, 0),
          1,
        );
      db.prepare('DELETE FROM assignments WHERE id = ?').run(small);

      // 500 h cannot fit in the next 60 days: the rest shows as overload on every working day, three weeks out too.
      const big = overdue(500);
      const later = (await days()).slice(21);
      for (const c of later.filter((c) => c.available > 0)) expect(c.utilization!).toBeGreaterThan(1);
      const proposal = expectOk(await core.call('capacity/balance', { weekStart: addDays(monday, 21) }));
      expect(proposal.before.find((p) => p.personId === editor.id)?.utilization ?? 0).toBeGreaterThan(1);
      expect(proposal.overloadBefore).toBeGreaterThan(0);
      db.prepare('DELETE FROM assignments WHERE id = ?').run(big);
    } finally {
      db.close();
    }
  });

  it("tells where each assignment's remaining hours fall: overdue work behind a full fortnight starts the week after", async () => {
    const editor = await copenhagenEditor('Busy Editor', addDays(today, -60), null);
    const projectId = await win('Fjord Studio', ids.social, addDays(today, -30), addDays(today, 40));
    const monday = startOfIsoWeek(today);
    const db = new Database(file);
    const insert = (plannedHours: number, startDate: string, endDate: string) =>
      insertAssignment(db, { projectId, personId: editor.id, plannedHours, startDate, endDate });
    const days = async () => personIn(await matrix(monday, 28, 'day'), editor.id);
    try {
      // More than this week and next can hold: no free room until the Monday after next.
      const full = insert(200, today, addDays(monday, 13));
      const before = (await days()).cells;
      const late = insert(20, addDays(today, -20), addDays(today, -10));
      const after = await days();
      const a = after.assignments.find((x) => x.id === late)!;
      // The days whose committed hours the overdue assignment raised, in the Days view.
      const dates = after.cells
        .map((c, i) => ({ date: addDays(monday, i), added: c.committed - before[i]!.committed }))
        .filter((d) => d.added > 0.01)
        .map((d) => d.date);
      expect(dates.length).toBeGreaterThan(1);
      expect(a.remainingHours).toBe(20);
      expect(a.hoursFrom).toBe(dates[0]);
      expect(a.hoursTo).toBe(dates[dates.length - 1]);
      expect(a.hoursFrom! >= addDays(monday, 14)).toBe(true);
      // Weeks give the same dates (the spread does not depend on the window), and scheduled work its own days.
      const weekly = personIn(await matrix(monday, 4), editor.id).assignments;
      expect(weekly.find((x) => x.id === late)).toMatchObject({ hoursFrom: a.hoursFrom, hoursTo: a.hoursTo });
      const scheduled = after.assignments.find((x) => x.id === full)!;
      expect(scheduled.hoursFrom! >= today && scheduled.hoursTo! <= addDays(monday, 13)).toBe(true);
    } finally {
      db.prepare('DELETE FROM assignments WHERE person_id = ?').run(editor.id);
      db.close();
    }
  });

  it('says which assignments had no working day left in their dates: ending today on a day off, or wholly in time off', async () => {
    const editor = await copenhagenEditor('Away Editor', addDays(today, -60), null);
    const projectId = await win('Fjord Leave', ids.social, addDays(today, -30), addDays(today, 60));
    const monday = startOfIsoWeek(today);
    // Off today (whatever day it is) and the whole week after next.
    expectOk(
      await core.call('timeOff/add', {
        personId: editor.id,
        startDate: today,
        endDate: today,
        kind: 'personal',
        note: null,
      }),
    );
    const away = { startDate: addDays(monday, 14), endDate: addDays(monday, 18) };
    expectOk(await core.call('timeOff/add', { personId: editor.id, ...away, kind: 'vacation', note: null }));
    const db = new Database(file);
    const insert = (plannedHours: number, startDate: string, endDate: string) =>
      insertAssignment(db, { projectId, personId: editor.id, plannedHours, startDate, endDate });
    const days = async () => personIn(await matrix(monday, 42, 'day'), editor.id);
    try {
      // Its end date has not passed, but its only day is off: not late, yet its hours land after it.
      const endsToday = insert(6, today, today);
      const scheduled = insert(8, addDays(monday, 7), addDays(monday, 11));
      const late = insert(4, addDays(today, -20), addDays(today, -10));
      const without = (await days()).cells;
      const inLeave = insert(12, away.startDate, away.endDate);
      const after = await days();
      const of = (id: number) => after.assignments.find((x) => x.id === id)!;
      expect(of(endsToday)).toMatchObject({ overdue: true, remainingHours: 6 });
      expect(of(endsToday).hoursFrom! > today).toBe(true);
      expect(of(late).overdue).toBe(true);
      expect(of(scheduled).overdue).toBe(false);
      expect(of(scheduled).hoursFrom! >= addDays(monday, 7) && of(scheduled).hoursTo! <= addDays(monday, 11)).toBe(
        true,
      );
      // Wholly in time off: poured after it, on the days whose committed hours it raised.
      const a = of(inLeave);
      expect(a.overdue).toBe(true);
      const dates = after.cells
        .map((c, i) => ({ date: addDays(monday, i), added: c.committed - without[i]!.committed }))
        .filter((d) => d.added > 0.01)
        .map((d) => d.date);
      expect(dates.length).toBeGreaterThan(0);
      expect(a.hoursFrom).toBe(dates[0]);
      expect(a.hoursTo).toBe(dates[dates.length - 1]);
      expect(a.hoursFrom! > away.endDate).toBe(true);
      // Replies that do not work out where hours fall do not say.
      const listed = expectOk(await core.call('assignments/forProject', { projectId }));
      expect(listed.find((x) => x.id === inLeave)?.overdue).toBeNull();
    } finally {
      db.prepare('DELETE FROM assignments WHERE person_id = ?').run(editor.id);
      db.close();
    }
  });

  it("says whether overdue work is late by the person's own today, in their time zone, not the workspace's", async () => {
    // UTC+14 and UTC−11 are never on the same date, so one of them is not on the workspace's (Caracas, UTC−4).
    const projectId = await win('Date Line Films', ids.social, addDays(today, -30), addDays(today, 30));
    const db = new Database(file);
    const ownTodays: string[] = [];
    try {
      for (const timeZone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
        // Should midnight pass in the zone between this read and the core's, the round is made again on the new day.
        let own = '';
        for (let round = 0; own !== localDate(new Date(), timeZone); round++) {
          if (round === 2) throw new Error(`the date in ${timeZone} kept changing`);
          own = localDate(new Date(), timeZone);
          const person = expectOk(
            await core.call('people/create', {
              name: `Editor in ${timeZone}`,
              email: null,
              role: 'Video Editor',
              hubId: ids.copenhagen,
              employmentType: 'core',
              timeZone,
              hoursPerDay: 8,
              workdays: [1, 2, 3, 4, 5],
              startDate: addDays(own, -60),
              endDate: null,
            }),
          );
          const insert = (endDate: string) =>
            insertAssignment(db, {
              projectId,
              personId: person.id,
              plannedHours: 10,
              startDate: addDays(own, -7),
              endDate,
            });
          const endedYesterday = insert(addDays(own, -1));
          const endsToday = insert(own);
          const mine = personIn(await matrix(startOfIsoWeek(own), 2), person.id).assignments;
          if (localDate(new Date(), timeZone) !== own) continue;
          expect(mine.find((x) => x.id === endedYesterday)).toMatchObject({ overdue: true, late: true });
          expect(mine.find((x) => x.id === endsToday)?.late).toBe(false);
        }
        ownTodays.push(own);
      }
      const workspaceToday = (await matrix(today)).today;
      expect(ownTodays.some((d) => d !== workspaceToday)).toBe(true);
      // Replies that do not work out where hours fall do not say.
      const listed = expectOk(await core.call('assignments/forProject', { projectId }));
      expect(listed.length).toBeGreaterThan(0);
      for (const a of listed) expect(a.late).toBeNull();
    } finally {
      db.close();
    }
  });
});
