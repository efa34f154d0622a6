/**
 * The form of a name used for sorting and prefix search: lower case, umlauts
 * and other accents folded (ä → a, ß → ss), so "München", "muenchen" and
 * "Munchen" meet. "ue" spellings are folded too, as German users type them.
 */
export function nameKey(name: string): string {
  return name
    .toLocaleLowerCase('de-DE')
    .replace(/ß/g, 'ss')
    .replace(/ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/ü/g, 'u')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/(?<=[a-z])(ae|oe|ue)/g, (m) => m[0]!)
    .replace(/\s+/g, ' ')
    .trim();
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
