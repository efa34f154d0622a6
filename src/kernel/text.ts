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
