/** "Balance the week" against hand-computed cases, plus invariants on random weeks. */
import { describe, expect, it } from 'vitest';
import { type BalanceAssignment, type BalancePerson, balanceWeek } from '../../src/main/core/routing/balance';
import type { Skill } from '../../src/shared/capacity';

const WEEK = '2026-03-02'; // Monday; the week ends Sunday 2026-03-08

const who = (
  id: number,
  name: string,
  skills: [Skill, 1 | 2 | 3 | 4 | 5][],
  availableHours: number,
  committedHours: number,
  employmentType: BalancePerson['employmentType'] = 'core',
): BalancePerson => ({
  id,
  name,
  employmentType,
  skills: skills.map(([skill, level]) => ({ skill, level })),
  availableHours,
  committedHours,
});

const job = (
  id: number,
  personId: number,
  skill: Skill,
  hoursThisWeek: number,
  dueDate: string,
  movable = true,
): BalanceAssignment => ({ id, projectName: `Project ${id}`, personId, skill, hoursThisWeek, dueDate, movable });

describe('balanceWeek', () => {
  const people = [
    who(
      1,
      'Ana',
      [
        ['video_editing', 4],
        ['design', 3],
      ],
      40,
      46,
    ),
    who(2, 'Beto', [['motion', 3]], 40, 44),
    who(
      3,
      'Carla',
      [
        ['video_editing', 3],
        ['motion', 2],
      ],
      40,
      20,
    ),
    who(4, 'Dan', [['copywriting', 5]], 40, 0),
    who(
      5,
      'Freelance Eva',
      [
        ['video_editing', 5],
        ['motion', 5],
      ],
      40,
      0,
      'freelancer',
    ),
  ];
  const work = [
    job(11, 1, 'video_editing', 6, '2026-03-20'),
    job(12, 1, 'video_editing', 3, '2026-03-05'),
    job(13, 1, 'design', 37, '2026-03-31', false),
    job(21, 2, 'motion', 5, '2026-03-06'),
    job(22, 2, 'motion', 2, '2026-03-20'),
    job(23, 2, 'motion', 37, '2026-03-31', false),
    job(31, 3, 'video_editing', 20, '2026-03-31'),
  ];

  it('two overloaded people and one under-used skilled person: two moves remove all 10 h of overload', () => {
    // Step 1: moving Ana's 6 h clears her 6 h overload and the due risk of #12 (gain 620) — the best move.
    // Step 2: Beto's 5 h job due Friday clears his 4 h overload (gain 420). Carla is the only skilled core receiver.
    const proposal = balanceWeek(WEEK, people, work);
    expect(proposal.moves).toEqual([
      {
        assignmentId: 11,
        projectName: 'Project 11',
        fromPersonId: 1,
        fromName: 'Ana',
        toPersonId: 3,
        toName: 'Carla',
        hours: 6,
        reason: 'overload',
      },
      {
        assignmentId: 21,
        projectName: 'Project 21',
        fromPersonId: 2,
        fromName: 'Beto',
        toPersonId: 3,
        toName: 'Carla',
        hours: 5,
        reason: 'due_risk',
      },
    ]);
    expect(proposal.overloadBefore).toBe(10);
    expect(proposal.overloadAfter).toBe(0);
    expect(proposal.before).toEqual([
      { personId: 1, name: 'Ana', utilization: 1.15 },
      { personId: 2, name: 'Beto', utilization: 1.1 },
      { personId: 3, name: 'Carla', utilization: 0.5 },
    ]);
    expect(proposal.after).toEqual([
      { personId: 1, name: 'Ana', utilization: 1 },
      { personId: 2, name: 'Beto', utilization: 0.975 },
      { personId: 3, name: 'Carla', utilization: 0.775 },
    ]);
  });

  it('never moves work to someone without the skill or outside the core team, nor past a receiver’s room', () => {
    // Carla has the skill but only 5 h of room; Dan has room but no skill; Eva is a freelancer.
    const tight = [people[0]!, { ...people[2]!, committedHours: 35 }, people[3]!, people[4]!];
    const proposal = balanceWeek(WEEK, tight, [
      job(11, 1, 'video_editing', 6, '2026-03-20'),
      job(13, 1, 'design', 40, '2026-03-31', false),
    ]);
    expect(proposal.moves).toEqual([]);
    expect(proposal.overloadAfter).toBe(proposal.overloadBefore);
    expect(proposal.before).toEqual([{ personId: 1, name: 'Ana', utilization: 1.15 }]);
  });

  it('moves what fits when the overload cannot all go: 6 h over, two 4 h jobs, 5 h of room → one moves', () => {
    const proposal = balanceWeek(
      WEEK,
      [who(1, 'Ana', [['video_editing', 4]], 40, 46), who(3, 'Carla', [['video_editing', 3]], 40, 35)],
      [
        job(12, 1, 'video_editing', 4, '2026-03-20'),
        job(11, 1, 'video_editing', 4, '2026-03-20'),
        job(13, 1, 'video_editing', 38, '2026-03-20', false),
      ],
    );
    expect(proposal.moves.map((m) => [m.assignmentId, m.toPersonId])).toEqual([[11, 3]]);
    expect([proposal.overloadBefore, proposal.overloadAfter]).toEqual([6, 2]);
  });

  it('moves nothing when nobody is overloaded', () => {
    const calm = [who(1, 'Ana', [['video_editing', 4]], 40, 38), who(3, 'Carla', [['video_editing', 3]], 40, 10)];
    const proposal = balanceWeek(WEEK, calm, [job(11, 1, 'video_editing', 20, '2026-03-03')]);
    expect(proposal).toEqual({
      weekStart: WEEK,
      moves: [],
      before: [],
      after: [],
      overloadBefore: 0,
      overloadAfter: 0,
    });
  });

  it('on random weeks: total overload never rises, nobody becomes overloaded, receivers are skilled core people', () => {
    let seed = 42;
    const rand = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const skills: Skill[] = ['video_editing', 'motion', 'design'];
    let movesSeen = 0;
    for (let trial = 0; trial < 40; trial++) {
      const crew: BalancePerson[] = [];
      const jobs: BalanceAssignment[] = [];
      for (let id = 1; id <= 6; id++) {
        const mine = skills.filter(() => rand() < 0.5);
        const available = [0, 20, 32, 40][Math.floor(rand() * 4)]!;
        let committed = 0;
        const count = Math.floor(rand() * 5);
        for (let k = 0; k < count; k++) {
          const hours = 1 + Math.floor(rand() * 12);
          committed += hours;
          jobs.push(
            job(
              id * 10 + k,
              id,
              skills[Math.floor(rand() * 3)]!,
              hours,
              rand() < 0.5 ? '2026-03-05' : '2026-03-25',
              rand() < 0.8,
            ),
          );
        }
        crew.push(
          who(
            id,
            `P${id}`,
            mine.map((s) => [s, 3]),
            available,
            committed,
            rand() < 0.8 ? 'core' : 'freelancer',
          ),
        );
      }
      const proposal = balanceWeek(WEEK, crew, jobs);
      expect(proposal.overloadAfter).toBeLessThanOrEqual(proposal.overloadBefore);
      expect(balanceWeek(WEEK, [...crew].reverse(), [...jobs].reverse())).toEqual(proposal);
      const committed = new Map(crew.map((p) => [p.id, p.committedHours]));
      for (const m of proposal.moves) {
        const to = crew.find((p) => p.id === m.toPersonId)!;
        const moved = jobs.find((j) => j.id === m.assignmentId)!;
        expect(to.employmentType).toBe('core');
        expect(to.skills.map((s) => s.skill)).toContain(moved.skill);
        expect(moved.movable).toBe(true);
        committed.set(m.fromPersonId, committed.get(m.fromPersonId)! - m.hours);
        committed.set(m.toPersonId, committed.get(m.toPersonId)! + m.hours);
      }
      for (const p of crew) {
        if (p.committedHours <= p.availableHours) expect(committed.get(p.id)!).toBeLessThanOrEqual(p.availableHours);
      }
      expect(new Set(proposal.moves.map((m) => m.assignmentId)).size).toBe(proposal.moves.length);
      movesSeen += proposal.moves.length;
    }
    expect(movesSeen).toBeGreaterThan(5);
  });
});
