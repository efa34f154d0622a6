// A measure's status in a small enum, derived from the source's own words
// (kept beside it). The sources write freely ("in Betrieb, Weiterentwicklung",
// "geplant/in Umsetzung", "Schritt 1 umgesetzt; Schritt 2 in Umsetzung"):
// the first statement in the text decides, because the sources put the
// current state first and plans for more after it.
import type { MeasureStatus } from '../generated/graphql.js';

const RULES: [RegExp, MeasureStatus][] = [
  // Partial completion is still work in progress.
  [/schritt \d+ umgesetzt|\d+ von \d+ .* vorgestellt|\d+ installiert; standorte/, 'IN_PROGRESS'],
  [/umgesetzt|in betrieb|im betrieb|im einsatz|in nutzung|etabliert|eroffnet|online|eingerichtet|verstetigt|freigegeben|installiert|fertig|angebunden|aufgebaut|angeschafft|ubertragen|launch|erlebbar|pilot erfolgreich|erstellt|erfolgt|ausgestattet|angemietet|bildungsangebote seit|ergebnis im projektbericht|episode/, 'IMPLEMENTED'],
  [/in umsetzung|in der umsetzung|umsetzung (ab|herbst)|startet in die umsetzung|umsetzungsprojekt|laufend|im aufbau|aufbau begonnen|in entwicklung|in arbeit|in erarbeitung|gestartet|angelaufen|begonnen|prototyp|im test|testphase|phase b|bearbeitet|installation|auftakt|^start /, 'IN_PROGRESS'],
  [/geplant|in planung|beschlossen|beschlussvorlage|im antrag|unter vorbehalt|in der strategie|projektpartner gefunden|^beginn /, 'PLANNED'],
];

/** The status the words say, or UNKNOWN; the earliest statement in the text wins. */
export function measureStatus(wording: string): MeasureStatus {
  const text = wording
    .toLocaleLowerCase('de-DE')
    .replace(/ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/ü/g, 'u')
    .replace(/ß/g, 'ss')
    .trim();
  let best: { at: number; status: MeasureStatus } | null = null;
  for (const [pattern, status] of RULES) {
    const found = pattern.exec(text);
    if (found && (best === null || found.index < best.at)) best = { at: found.index, status };
  }
  return best?.status ?? 'UNKNOWN';
}
