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
  /** Records read per source file. */
  readonly rows: Record<string, number> = {};
  /** The register imported: its reference dates and where the file came from. */
  register: { territoryDate: string; populationDate: string; file: string; sha256: string; origin: string } | null = null;
  seconds = 0;

  read(source: string, records: number): void {
    this.rows[source] = records;
  }

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

  /**
   * Per source file: records read, taken, refused (errors), and the names
   * and labels that needed a decision — matched by name, not resolved, not mapped.
   */
  perFile(): { file: string; read: number; refused: number; skipped: number; matchedByName: number; notResolved: number; notMapped: number }[] {
    const of = (notes: readonly RowNote[], file: string, test: (reason: string) => boolean = () => true) =>
      notes.filter((n) => n.source === file && test(n.reason)).length;
    return Object.entries(this.rows).map(([file, read]) => ({
      file,
      read,
      refused: new Set(this.errors.filter((n) => n.source === file).map((n) => n.line)).size,
      skipped: of(this.skipped, file),
      matchedByName: of(this.decisions, file, (r) => /matched by name|resolved to/.test(r)),
      notResolved: of(this.decisions, file, (r) => /not (resolved|linked|in the register)|ambiguous/.test(r)),
      notMapped: of(this.decisions, file, (r) => /mapped to no topic|without topic/.test(r)),
    }));
  }

  /** Everything, one line per note, for a report file. */
  toText(): string {
    const section = (title: string, notes: readonly RowNote[]) => [
      `## ${title} (${notes.length})`,
      ...notes.map((n) => `${n.source}:${n.line}\t${n.reason}\t${n.detail}`),
      '',
    ];
    const files = [
      '## Per source file',
      'file\trecords read\trows refused\trows left out by rule\tnames matched by name\tnames not resolved\tlabels not mapped',
      ...this.perFile().map((f) => [f.file, f.read, f.refused, f.skipped, f.matchedByName, f.notResolved, f.notMapped].join('\t')),
      '',
    ];
    const register = this.register
      ? [`## Register`, `${this.register.file} (${this.register.origin}), sha256 ${this.register.sha256}`, `territory ${this.register.territoryDate}, population ${this.register.populationDate}`, '']
      : [];
    return [this.summary(), '', ...register, ...files, ...section('Errors', this.errors), ...section('Not taken', this.skipped), ...section('Decisions', this.decisions)].join('\n');
  }
}
