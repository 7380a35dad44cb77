/** A hub as its form holds it (strings while typed), and its conversion to the contract's HubInput. */
import type { Currency, HubColor, HubTargetKind } from '../../../shared/domain';
import type { HubInput } from '../../../shared/schemas';
import { parseDecimal } from './format';

export interface HubFields {
  name: string;
  country: string;
  timeZone: string;
  currency: Currency;
  targetKind: HubTargetKind | '';
  /** Target share in percent, as typed in the person's locale. */
  share: string;
  color: HubColor;
}

export function emptyHubFields(color: HubColor): HubFields {
  return { name: '', country: '', timeZone: 'UTC', currency: 'USD', targetKind: '', share: '', color };
}

/** What is sent (and validated): trimmed text, the share parsed, an empty target as null. */
export function hubFieldsToInput(h: HubFields, leaderId: number | null, locale: string): HubInput {
  return {
    name: h.name,
    country: h.country.trim().toUpperCase(),
    timeZone: h.timeZone.trim(),
    currency: h.currency,
    targetKind: h.targetKind === '' ? null : h.targetKind,
    targetSharePct: parseDecimal(h.share, locale),
    leaderId,
    color: h.color,
  };
}
