/**
 * The command palette's matching (cmdk's `filter`): a command matches when
 * every word typed begins a word of its label or of its keywords, whatever the
 * case and accents ("idioma espanol" finds "Idioma: Español", "coll" finds
 * "Collapse sidebar"). cmdk's own filter matched any scattered subsequence of
 * letters, so a client's name like "ceiba" picked "Collapse sidebar" and Enter
 * ran it; here a query that begins no word matches nothing.
 *
 * Records (clients, projects, leads, invoices) are matched by the core, not here: their
 * value carries RECORD_MARK and always passes, scored below every command so
 * the commands stay first and Enter never reaches a record ahead of one.
 */

/** The words of a text, lower-case and without accents: "Configuración › Datos" → ["configuracion", "datos"]. */
export function paletteWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Scores, best first; 0 hides the command. */
export const PALETTE_SCORE = {
  /** The label begins with the query, word for word ("Theme: D" → "Theme: Dark"). */
  labelStart: 1,
  /** Every word typed begins a word of the label ("dark" → "Theme: Dark"). */
  labelWords: 0.75,
  /** Every word typed begins a word of the label or of a keyword ("Oscuro" → "Theme: Dark"). */
  keywordWords: 0.5,
  none: 0,
} as const;

/** The kinds of record the palette lists, in the order their groups follow the commands. */
export type PaletteRecordKind = 'client' | 'project' | 'lead' | 'invoice';

/** Begins a record item's value: a character no command label holds and nobody types (␞). */
export const RECORD_MARK = '\u241E';

/** A record's score: above 0 (shown) and below every command's; clients, then projects, leads and invoices. */
export const RECORD_SCORE: Record<PaletteRecordKind, number> = {
  client: 0.04,
  project: 0.03,
  lead: 0.02,
  invoice: 0.01,
};

/** The cmdk value of a record item, unique per record: "␞client:12". */
export function recordValue(kind: PaletteRecordKind, id: number): string {
  return `${RECORD_MARK}${kind}:${id}`;
}

const beginsSome = (word: string, words: string[]) => words.some((w) => w.startsWith(word));

/**
 * cmdk's `filter(value, search, keywords)`, where the value is the label the
 * person reads (a record's is its RECORD_MARK value). A query with no words at
 * all (blank or punctuation) hides nothing.
 */
export function paletteFilter(label: string, search: string, keywords: readonly string[] = []): number {
  if (label.startsWith(RECORD_MARK)) {
    const kind = label.slice(RECORD_MARK.length, label.indexOf(':')) as PaletteRecordKind;
    return RECORD_SCORE[kind] ?? RECORD_SCORE.invoice;
  }
  const query = paletteWords(search);
  if (query.length === 0) return PALETTE_SCORE.labelStart;
  const labelWords = paletteWords(label);
  const last = query.length - 1;
  if (query.every((q, i) => (i === last ? labelWords[i]?.startsWith(q) : labelWords[i] === q))) {
    return PALETTE_SCORE.labelStart;
  }
  if (query.every((q) => beginsSome(q, labelWords))) return PALETTE_SCORE.labelWords;
  const allWords = [...labelWords, ...keywords.flatMap(paletteWords)];
  if (query.every((q) => beginsSome(q, allWords))) return PALETTE_SCORE.keywordWords;
  return PALETTE_SCORE.none;
}
