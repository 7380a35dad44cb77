import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsDirCandidates } from '../../src/main/core/db/migrate';
import { Random } from '../../src/main/core/demo/random';
import { PrefsStore } from '../../src/main/core/prefs/store';
import { localToUtc } from '../../src/main/core/routing/timezones';
import { freeWorkspacePath, isSyncedOrNetworkPath } from '../../src/main/core/workspace/files';
import { defaultUserDataDir } from '../../src/main/hosts/paths';
import {
  addDays,
  DATE_MEMO_LIMIT,
  dateMemoSizes,
  dateOfDayNumber,
  dayNumber,
  daysBetween,
  isoInstant,
  localDate,
  startOfIsoWeek,
  weekday,
} from '../../src/shared/dates';
import {
  isoDateSchema,
  onboardingSchema,
  personInputSchema,
  prefsPatchSchema,
  settingsPatchSchema,
} from '../../src/shared/schemas';
import { cleanTempDirs, tempDir } from '../helpers';

afterAll(cleanTempDirs);

describe('dates', () => {
  it('computes local dates in a time zone', () => {
    const instant = new Date('2026-03-29T23:30:00Z');
    expect(localDate(instant, 'America/Caracas')).toBe('2026-03-29');
    expect(localDate(instant, 'Europe/Copenhagen')).toBe('2026-03-30'); // after the DST change, UTC+2
  });
  it('walks calendar days and ISO weeks', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(weekday('2026-11-22')).toBe(7);
    expect(startOfIsoWeek('2026-11-22')).toBe('2026-11-16');
  });
  it('formats instants as toISOString does, without zero milliseconds', () => {
    expect(isoInstant(Date.parse('2026-05-01T13:45:00Z'))).toBe('2026-05-01T13:45:00Z');
    expect(isoInstant(Date.parse('1969-12-31T23:59:59.007Z'))).toBe('1969-12-31T23:59:59.007Z');
    const rng = new Random('iso');
    for (let i = 0; i < 2000; i++) {
      const ms = Math.round(rng.next() * 4e12 - 1e12);
      expect(isoInstant(ms)).toBe(new Date(ms).toISOString().replace('.000Z', 'Z'));
    }
  });
  it('puts local noon (a back-dated delivery) on the date asked for, in any zone and across DST', () => {
    const noon = (date: string, zone: string) => isoInstant(localToUtc(date, zone, 12 * 60));
    expect(noon('2026-11-20', 'America/Caracas')).toBe('2026-11-20T16:00:00Z');
    expect(noon('2026-03-28', 'Europe/Copenhagen')).toBe('2026-03-28T11:00:00Z'); // UTC+1
    expect(noon('2026-03-29', 'Europe/Copenhagen')).toBe('2026-03-29T10:00:00Z'); // UTC+2 from 02:00
    expect(noon('2026-10-25', 'Europe/Copenhagen')).toBe('2026-10-25T11:00:00Z'); // back to UTC+1
    for (const zone of [
      'America/Lima',
      'Europe/Copenhagen',
      'Asia/Kathmandu',
      'Pacific/Kiritimati',
      'Pacific/Pago_Pago',
    ])
      for (const date of ['2026-01-01', '2026-03-29', '2026-07-15', '2026-10-25', '2026-12-31'])
        expect(localDate(new Date(noon(date, zone)), zone), `${date} ${zone}`).toBe(date);
  });
  it('keeps its day memos bounded, and right after they are emptied', () => {
    // Converted before the bound is passed: these entries go when the memos are emptied.
    expect(dayNumber('2026-12-06')).toBe(20_793);
    expect(dateOfDayNumber(20_793)).toBe('2026-12-06');
    const first = Date.UTC(1900, 0, 1) / 86_400_000;
    let wrong = 0;
    for (let n = first; n < first + DATE_MEMO_LIMIT + 500; n++) if (dayNumber(dateOfDayNumber(n)) !== n) wrong++;
    expect(wrong).toBe(0);
    const sizes = dateMemoSizes();
    expect(sizes.dayNumbers).toBeLessThanOrEqual(DATE_MEMO_LIMIT);
    expect(sizes.dayStrings).toBeLessThanOrEqual(DATE_MEMO_LIMIT);
    expect(dayNumber('2026-12-06')).toBe(20_793);
    expect(dateOfDayNumber(20_793)).toBe('2026-12-06');
    expect(dateOfDayNumber(first)).toBe('1900-01-01');
    expect(dayNumber('1900-01-01')).toBe(first);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('1900-01-01', '2026-12-06')).toBe(20_793 - first);
  });
  it('rejects dates that do not exist', () => {
    expect(isoDateSchema.safeParse('2026-02-29').success).toBe(false);
    expect(isoDateSchema.safeParse('2028-02-29').success).toBe(true);
  });
});

describe('seeded random', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = Array.from(
      { length: 5 },
      (
        (r) => () =>
          r.next()
      )(new Random('s')),
    );
    const b = Array.from(
      { length: 5 },
      (
        (r) => () =>
          r.next()
      )(new Random('s')),
    );
    const c = Array.from(
      { length: 5 },
      (
        (r) => () =>
          r.next()
      )(new Random('t')),
    );
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true);
  });
  it('draws Poisson counts with about the right mean', () => {
    const r = new Random('poisson');
    const n = 4000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += r.poisson(6);
    expect(sum / n).toBeGreaterThan(5.7);
    expect(sum / n).toBeLessThan(6.3);
  });
});

describe('schemas', () => {
  it('refuses an unknown time zone and an inverted employment period, naming the field', () => {
    const tz = settingsPatchSchema.safeParse({ timeZone: 'Europe/Atlantis' });
    expect(tz.success || tz.error.issues[0]?.path).toEqual(['timeZone']);
    const person = personInputSchema.safeParse({
      name: 'A',
      email: null,
      role: 'Editor',
      hubId: null,
      employmentType: 'core',
      timeZone: 'UTC',
      hoursPerDay: 8,
      workdays: [1, 2, 3],
      startDate: '2026-05-01',
      endDate: '2026-04-01',
    });
    expect(person.success || person.error.issues[0]?.path).toEqual(['endDate']);
  });
  it('refuses onboarding with duplicate hub names', () => {
    const hub = {
      name: 'Lima',
      country: 'PE',
      timeZone: 'America/Lima',
      currency: 'USD',
      targetKind: null,
      targetSharePct: null,
      leaderId: null,
      color: 'emerald',
    } as const;
    const r = onboardingSchema.safeParse({
      name: 'X',
      reportingCurrency: 'USD',
      timeZone: 'UTC',
      hubs: [hub, { ...hub, name: 'lima' }],
      people: [],
    });
    expect(r.success || r.error.issues[0]?.path).toEqual(['hubs', 1, 'name']);
  });
});

describe('workspace files', () => {
  it('warns about sync and network folders', () => {
    expect(isSyncedOrNetworkPath('/Users/ana/Dropbox/agency.atalaya')).toBe(true);
    expect(isSyncedOrNetworkPath('C:\\Users\\ana\\OneDrive - Faro\\agency.atalaya')).toBe(true);
    expect(isSyncedOrNetworkPath('\\\\server\\share\\agency.atalaya')).toBe(true);
    expect(isSyncedOrNetworkPath('/Users/ana/Library/Mobile Documents/com~apple~CloudDocs/a.atalaya')).toBe(true);
    expect(isSyncedOrNetworkPath('/home/ana/.config/Atalaya/workspaces/demo.atalaya')).toBe(false);
  });
  it('picks a free, readable file name', () => {
    const dir = tempDir();
    const first = freeWorkspacePath(dir, 'Estudio Añil & Co');
    expect(path.basename(first)).toBe('estudio-anil-co.atalaya');
    writeFileSync(first, '');
    expect(path.basename(freeWorkspacePath(dir, 'Estudio Añil & Co'))).toBe('estudio-anil-co-2.atalaya');
  });
  it('looks for drizzle/ in the packaged resources first', () => {
    const list = migrationsDirCandidates({
      resourcesPath: '/opt/Atalaya/resources',
      moduleDir: '/opt/Atalaya/app/out/main',
    });
    expect(list[0]).toBe(path.join('/opt/Atalaya/resources', 'drizzle'));
    expect(list).toContain(path.resolve('/opt/Atalaya/app/drizzle'));
  });
});

describe('preferences', () => {
  it('persists, and survives a damaged file field by field', () => {
    const dir = tempDir();
    const store = new PrefsStore(dir);
    store.update({ theme: 'dark', language: 'es' });
    expect(new PrefsStore(dir).get()).toMatchObject({ theme: 'dark', language: 'es' });
    writeFileSync(path.join(dir, 'prefs.json'), JSON.stringify({ theme: 'neon', language: 'es', period: 'week' }));
    expect(new PrefsStore(dir).get()).toMatchObject({ theme: 'system', language: 'es', period: 'week' });
    writeFileSync(path.join(dir, 'prefs.json'), '{ broken');
    expect(new PrefsStore(dir).get().theme).toBe('system');
  });
  it('keeps a custom period range, refusing one that ends before it starts', () => {
    const dir = tempDir();
    new PrefsStore(dir).update({ period: 'custom', customRange: { from: '2026-10-01', to: '2026-10-15' } });
    expect(new PrefsStore(dir).get().customRange).toEqual({ from: '2026-10-01', to: '2026-10-15' });
    const inverted = prefsPatchSchema.safeParse({ customRange: { from: '2026-10-15', to: '2026-10-01' } });
    expect(inverted.success || inverted.error.issues[0]?.path).toEqual(['customRange', 'to']);
  });
  it('uses the same user-data folder as Electron on each OS', () => {
    expect(defaultUserDataDir('linux', {}, '/home/ana')).toBe('/home/ana/.config/Atalaya');
    expect(defaultUserDataDir('darwin', {}, '/Users/ana')).toBe('/Users/ana/Library/Application Support/Atalaya');
    expect(defaultUserDataDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')).toContain(
      'Atalaya',
    );
    expect(defaultUserDataDir('linux', { ATALAYA_USER_DATA: '/tmp/x' })).toBe('/tmp/x');
  });
});
