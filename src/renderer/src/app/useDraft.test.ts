import { describe, expect, it } from 'vitest';
import { rebaseDraft } from './useDraft';

describe('rebaseDraft', () => {
  const before = { name: 'Atalaya', timeZone: 'America/Caracas', currency: 'USD' };

  it('keeps what the person edited and takes the new saved values for the rest', () => {
    const draft = { ...before, name: 'Atalaya Studio' };
    const after = { ...before, timeZone: 'America/Lima' };
    expect(rebaseDraft(draft, before, after)).toEqual({
      name: 'Atalaya Studio',
      timeZone: 'America/Lima',
      currency: 'USD',
    });
  });

  it('keeps an edit even when the field was also saved anew elsewhere', () => {
    const draft = { ...before, currency: 'EUR' };
    const after = { ...before, currency: 'DKK' };
    expect(rebaseDraft(draft, before, after).currency).toBe('EUR');
  });

  it('compares nested values by value', () => {
    const saved = { points: { budget: 25, need: 15 }, label: 'x' };
    const draft = { points: { budget: 25, need: 15 }, label: 'x' };
    const after = { points: { budget: 20, need: 20 }, label: 'y' };
    expect(rebaseDraft(draft, saved, after)).toEqual(after);
  });
});
