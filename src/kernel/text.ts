/**
 * A name folded for keys: lower case, umlauts and other accents folded
 * (ä → a, ß → ss, é → e), white space collapsed. Slugs are made from this:
 * a name's own letters stay ("Soest" stays "soest").
 */
export function foldName(name: string): string {
  return name
    .toLocaleLowerCase('de-DE')
    .replace(/ß/g, 'ss')
    .replace(/ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/ü/g, 'u')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The form of a name used for sorting and prefix search: `foldName`, and the
 * "ue" spellings folded too, as German users type them, so "München",
 * "muenchen" and "Munchen" meet. Only for matching: it turns "Soest" into
 * "sost", so it never makes a key that people read.
 */
export function nameKey(name: string): string {
  return foldName(name).replace(/(?<=[a-z])(ae|oe|ue)/g, (m) => m[0]!);
}

/**
 * The one form of text a caller searches or filters with: compatibility forms folded (NFKC: full-width
 * "ｍｕｅｎｃｈｅｎ" is "muenchen"), invisible characters removed (controls, and format characters: the
 * byte-order mark, zero-width spaces and joiners, direction marks), white space collapsed, trimmed.
 * Emptiness is checked after this: a lone "\ufeff" is empty.
 */
export function queryText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\p{Cf}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A name as the full-text index should see it: the German analyzer keeps a dotted brand such as
 * "Smarte.Land.Regionen" as one word, which no one types; the words between the dots are indexed too
 * (as `searchName`, beside the name as written).
 */
export const searchName = (name: string): string => name.replace(/(?<=\p{L})\.(?=\p{L})/gu, ' ');
