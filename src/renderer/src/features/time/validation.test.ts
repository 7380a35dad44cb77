import { afterAll, describe, expect, it } from 'vitest';
import { holidayInputSchema } from '../../../../shared/capacity-schemas';
import i18n from '../../app/i18n';
import { timeIssueMessage } from './validation';

/** The message the holiday form shows beside the field for these inputs, in `language`. */
async function holidayMessage(input: object, language: 'en' | 'es'): Promise<string[]> {
  await i18n.changeLanguage(language);
  const parsed = holidayInputSchema.safeParse({ hubId: 1, ...input });
  return parsed.success ? [] : parsed.error.issues.map(timeIssueMessage);
}

describe('holiday field messages', () => {
  afterAll(() => i18n.changeLanguage('en'));

  it('a day outside the years the list shows is refused in words, with the years, in either language', async () => {
    expect(await holidayMessage({ date: '2101-01-01', name: 'Offsite' }, 'en')).toEqual([
      'Pick a day between 2000 and 2100.',
    ]);
    expect(await holidayMessage({ date: '1999-12-31', name: 'Offsite' }, 'es')).toEqual([
      'Elige un día entre 2000 y 2100.',
    ]);
    expect(await holidayMessage({ date: '2100-12-31', name: 'Offsite' }, 'en')).toEqual([]);
  });
});
