// The newer sources carry their own keys: an 8-digit Gemeinde or 5-digit Kreis AGS that the editors
// resolved against the 2024 register. They are checked, not trusted: a key the register lacks (another
// register imported, a merger) is reported and left unlinked, as is a row without one, with the row's
// own reason from its notes. A Gemeindeverband (Amt, Verbandsgemeinde) has no Gemeinde or Kreis key, but
// the register has it too: by the 9-digit key the notes give, or by a name that says it is one.
import type { ImportReport } from './report.js';
import type { Matcher } from './matcher.js';
import type { Unit } from './register.js';

export const AGS_LIST = /^(\d{5}|\d{8})(;(\d{5}|\d{8}))*$/;

/** The units a row's `ags` column names (`;`-separated), in order; malformed keys are the caller's error to report. */
export function unitsOfKeys(
  raw: string,
  row: { source: string; line: number; name: string; notes: string },
  matcher: Matcher,
  report: ImportReport,
): Unit[] {
  const keys = raw.split(';').map((k) => k.trim()).filter(Boolean);
  if (keys.length === 0) {
    const verband = verbandOf(row, matcher, report);
    if (!verband) report.decide(row.source, row.line, 'no AGS, not linked', `"${row.name}"${row.notes ? `: ${row.notes}` : ''}`);
    return verband ? [verband] : [];
  }
  const units: Unit[] = [];
  for (const key of keys) {
    const unit = matcher.resolveHint(key)?.unit;
    if (unit) units.push(unit);
    else report.decide(row.source, row.line, 'AGS not in the register, not linked', `"${row.name}": ${key}`);
  }
  return units;
}

/**
 * A row without a key that names a Gemeindeverband: its 9-digit key from the notes, else its name when
 * written as one ("Amt Schwaan") and unique in the register. Only a Gemeindeverband is taken so: a bare
 * name the editors left without a key (a town or its Kreis?) stays unlinked.
 */
function verbandOf(row: { source: string; line: number; name: string; notes: string }, matcher: Matcher, report: ImportReport): Unit | null {
  const key = /\b(\d{9})\b/.exec(row.notes)?.[1];
  const byKey = key === undefined ? undefined : matcher.get(key);
  if (byKey?.kind === 'VERBAND') {
    report.decide(row.source, row.line, 'Gemeindeverband key from the notes', `"${row.name}" → ${byKey.ags} ${byKey.name}`);
    return byKey;
  }
  const match = matcher.matchName(row.name, []);
  if ('unit' in match && match.unit.kind === 'VERBAND') {
    report.decide(row.source, row.line, 'Gemeindeverband matched by name', `"${row.name}" → ${match.unit.ags} ${match.unit.name}`);
    return match.unit;
  }
  return null;
}
