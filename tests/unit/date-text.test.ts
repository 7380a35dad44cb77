/**
 * Date fields in the app's language (src/renderer/src/app/dateText.ts): the date written as the app writes
 * it, and a typed date read in ISO always, in the language's own numeric order (en month first, es day first),
 * or as the field shows it; a day that does not exist is no date, and the calendar's bounds are inclusive.
 */
import { describe, expect, it } from 'vitest';
import {
  addMonthsToDate,
  calendarWeeks,
  dateOrder,
  formatDateText,
  isIsoDate,
  parseDateText,
  withinBounds,
} from '../../src/renderer/src/app/dateText';

const read = (text: string, lang: string) => parseDateText(text, lang)?.date ?? null;

describe('a date as a date field shows it', () => {
  it('is the app’s date in each language, and nothing for no date', () => {
    expect(formatDateText('2026-12-07', 'en')).toBe('Dec 7, 2026');
    expect(formatDateText('2026-12-07', 'es')).toBe('7 dic 2026');
    expect(formatDateText('', 'es')).toBe('');
    expect(formatDateText('2026-02-30', 'en')).toBe('');
  });

  it('reads back as the same date in each language', () => {
    for (const lang of ['en', 'es'])
      for (const date of ['2026-01-01', '2026-05-31', '2026-09-15', '2026-12-07', '2028-02-29'])
        expect(read(formatDateText(date, lang), lang)).toBe(date);
  });
});

describe('a typed date', () => {
  it('reads ISO in both languages', () => {
    for (const lang of ['en', 'es']) {
      expect(read('2026-03-01', lang)).toBe('2026-03-01');
      expect(read(' 2026-3-1 ', lang)).toBe('2026-03-01');
      expect(read('2026/12/07', lang)).toBe('2026-12-07');
    }
  });

  it('reads English month first and Spanish day first', () => {
    expect(dateOrder('en')).toBe('mdy');
    expect(dateOrder('es')).toBe('dmy');
    expect(read('12/07/2026', 'en')).toBe('2026-12-07');
    expect(read('3/1/2026', 'en')).toBe('2026-03-01');
    expect(read('12/07/2026', 'es')).toBe('2026-07-12');
    expect(read('7/12/2026', 'es')).toBe('2026-12-07');
    expect(read('07.12.2026', 'es')).toBe('2026-12-07');
    expect(read('7-12-26', 'es')).toBe('2026-12-07');
    // The day of one language's order is no month in the other's.
    expect(read('25/12/2026', 'es')).toBe('2026-12-25');
    expect(read('25/12/2026', 'en')).toBeNull();
  });

  it('reads the month by its name in the language', () => {
    expect(read('Dec 7, 2026', 'en')).toBe('2026-12-07');
    expect(read('december 7 2026', 'en')).toBe('2026-12-07');
    expect(read('7 dic 2026', 'es')).toBe('2026-12-07');
    expect(read('7 de diciembre de 2026', 'es')).toBe('2026-12-07');
    expect(read('15 sept 2026', 'es')).toBe('2026-09-15');
    expect(read('2026 dic 7', 'es')).toBe('2026-12-07');
    expect(read('7 dic 2026', 'en')).toBeNull();
    expect(read('7 maybe 2026', 'en')).toBeNull();
  });

  it('is no date when the day does not exist', () => {
    expect(read('2026-02-30', 'en')).toBeNull();
    expect(read('2026-13-01', 'es')).toBeNull();
    expect(read('2/30/2026', 'en')).toBeNull();
    expect(read('30/2/2026', 'es')).toBeNull();
    expect(read('31 abr 2026', 'es')).toBeNull();
    expect(read('2027-02-29', 'en')).toBeNull();
    expect(read('2028-02-29', 'en')).toBe('2028-02-29');
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-02-28')).toBe(true);
  });

  it('is no date when it is not one, and nothing when empty', () => {
    for (const text of ['tomorrow', '12/2026', '1/2/3/2026', '2026-12-07T10:00', '12/07/202', '0/1/2026', '31/12/0026'])
      expect(read(text, 'es')).toBeNull();
    expect(parseDateText('   ', 'en')).toEqual({ date: '' });
  });
});

describe('the calendar', () => {
  it('offers the days within its bounds, both ends included', () => {
    expect(withinBounds('2026-12-07', '2026-12-07', '2026-12-31')).toBe(true);
    expect(withinBounds('2026-12-31', '2026-12-07', '2026-12-31')).toBe(true);
    expect(withinBounds('2026-12-06', '2026-12-07', '2026-12-31')).toBe(false);
    expect(withinBounds('2027-01-01', '2026-12-07', '2026-12-31')).toBe(false);
    expect(withinBounds('2026-12-06', undefined, '2026-12-31')).toBe(true);
    expect(withinBounds('2030-01-01', '2026-12-07')).toBe(true);
    // A bound that is no date (an empty field the caller passes on) bounds nothing.
    expect(withinBounds('2026-01-01', '', 'soon')).toBe(true);
  });

  it('starts its weeks on Monday and keeps six of them', () => {
    const weeks = calendarWeeks('2026-12');
    expect(weeks).toHaveLength(6);
    expect(weeks[0]?.[0]).toBe('2026-11-30');
    expect(weeks[0]?.[1]).toBe('2026-12-01');
    expect(weeks[5]?.[6]).toBe('2027-01-10');
    // February 2027 starts on a Monday.
    expect(calendarWeeks('2027-02')[0]?.[0]).toBe('2027-02-01');
  });

  it('moves a month keeping the day, or the month’s last', () => {
    expect(addMonthsToDate('2026-12-07', 1)).toBe('2027-01-07');
    expect(addMonthsToDate('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonthsToDate('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonthsToDate('2026-12-07', -12)).toBe('2025-12-07');
  });
});
