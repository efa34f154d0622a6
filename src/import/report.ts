// What an import did and did not take, row by row: nothing is dropped silently.

/** A row not taken, or a decision made about one. */
export interface RowNote {
  source: string;
  line: number;
  /** A short, stable category, e.g. "unincorporated area". */
  reason: string;
  detail: string;
}

export class ImportReport {
  /** Rows that are wrong: any of these stops the import before it writes. */
  readonly errors: RowNote[] = [];
  /** Rows left out by rule (not a municipality, represented elsewhere). */
  readonly skipped: RowNote[] = [];
  /** Decisions about matching (AGS hints, names), for a person to check. */
  readonly decisions: RowNote[] = [];
  /** Nodes and relationships written, per label or type. */
  readonly written: Record<string, number> = {};
  seconds = 0;

  error(source: string, line: number, reason: string, detail: string): void {
    this.errors.push({ source, line, reason, detail });
  }
  skip(source: string, line: number, reason: string, detail: string): void {
    this.skipped.push({ source, line, reason, detail });
  }
  decide(source: string, line: number, reason: string, detail: string): void {
    this.decisions.push({ source, line, reason, detail });
  }

  get ok(): boolean {
    return this.errors.length === 0;
  }

  /** Counts per reason, e.g. { "unincorporated area": 208 }. */
  static countByReason(notes: readonly RowNote[]): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const n of notes) counts[`${n.source}: ${n.reason}`] = (counts[`${n.source}: ${n.reason}`] ?? 0) + 1;
    return counts;
  }

  /** The human summary the command prints. */
  summary(): string {
    const lines: string[] = [];
    const table = (title: string, counts: Record<string, number>) => {
      const entries = Object.entries(counts);
      if (entries.length === 0) return;
      lines.push(title);
      for (const [k, v] of entries.sort(([a], [b]) => a.localeCompare(b))) lines.push(`  ${String(v).padStart(6)}  ${k}`);
    };
    if (this.ok) {
      table(`Imported in ${this.seconds.toFixed(1)} s:`, this.written);
    } else {
      lines.push(`Import refused: ${this.errors.length} row(s) are wrong. Nothing was written.`);
      for (const e of this.errors.slice(0, 50)) lines.push(`  ${e.source}, line ${e.line}: ${e.reason}: ${e.detail}`);
      if (this.errors.length > 50) lines.push(`  … and ${this.errors.length - 50} more (see the full report)`);
    }
    table('Rows not taken, by rule:', ImportReport.countByReason(this.skipped));
    table('Matching decisions:', ImportReport.countByReason(this.decisions));
    return lines.join('\n');
  }

  /** Everything, one line per note, for a report file. */
  toText(): string {
    const section = (title: string, notes: readonly RowNote[]) => [
      `## ${title} (${notes.length})`,
      ...notes.map((n) => `${n.source}:${n.line}\t${n.reason}\t${n.detail}`),
      '',
    ];
    return [this.summary(), '', ...section('Errors', this.errors), ...section('Not taken', this.skipped), ...section('Decisions', this.decisions)].join('\n');
  }
}
