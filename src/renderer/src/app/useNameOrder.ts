import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { textCollator } from './format';

/**
 * Named things (saved views, segments) as a person reads a list of names: in the order of the UI language
 * ("Zona 2" before "Zona 10", "Éxitos" beside "Exitos", "Ñandú" after "Nube"). The core lists them by lower(name),
 * which knows neither.
 */
export function useNameOrder<T extends { name: string }>(items: readonly T[] | null | undefined): T[] | null {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(
    () => (items ? [...items].sort((a, b) => textCollator(lang).compare(a.name, b.name)) : null),
    [items, lang],
  );
}
