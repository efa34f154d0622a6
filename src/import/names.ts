// Resolving the names the newer sources write (exchange links, event hosts and
// participants) the way runners are resolved: a model project's own name to
// its lead runner, a city abroad to its organization, then the register by
// name within the Länder given (Kreis vs. town by the word "Landkreis"/"Kreis").
// Nothing is guessed: what stays ambiguous or unknown is reported.
import type { Unit } from './register.js';
import { Matcher } from './matcher.js';
import type { ProjectImport } from './projects.js';
import { nameKey } from '../kernel/text.js';

export interface AbroadImport {
  slug: string;
  name: string;
  country: string;
  nameLocal: string;
}

export type Resolved =
  | { kind: 'municipality'; ags: string; name: string; how: 'project' | 'name' | 'runner among several' | 'Kreis assumed'; note: string | null }
  | { kind: 'abroad'; slug: string; name: string; note: string | null }
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'none' };

export class NameResolver {
  private readonly matcher: Matcher;
  private readonly projects = new Map<string, ProjectImport>();
  private readonly abroad = new Map<string, AbroadImport>();
  private readonly runners: Set<string>;

  constructor(register: readonly Unit[], projects: readonly ProjectImport[], abroad: readonly AbroadImport[]) {
    this.matcher = new Matcher(register);
    for (const p of projects) {
      this.projects.set(nameKey(p.name), p);
      if (p.title) this.projects.set(nameKey(p.title), p);
    }
    for (const a of abroad) {
      this.abroad.set(nameKey(a.name), a);
      this.abroad.set(nameKey(a.nameLocal), a);
    }
    this.runners = new Set(projects.flatMap((p) => p.runners.map((r) => r.ags)));
  }

  /** The Länder (two-digit codes) of a model project's runners, to narrow a name search. */
  landsOfProject(name: string): string[] {
    const p = this.projects.get(nameKey(name));
    return [...new Set((p?.runners ?? []).map((r) => r.ags.slice(0, 2)))];
  }

  /**
   * A name as a source writes it. A trailing remark in parentheses that is not
   * part of a name ("Ringelai (Bürgermeisterin auf dem Panel)") is kept as the note.
   */
  resolve(text: string, lands: readonly string[] = []): Resolved {
    const whole = this.resolveExact(text.trim(), lands, null);
    if (whole.kind !== 'none') return whole;
    // The last parenthesis is the remark: "Halle (Saale) (HAL-Plan)".
    const remark = /^(.*\S)\s*\(([^()]*)\)\s*$/.exec(text.trim());
    return remark ? this.resolveExact(remark[1]!, lands, remark[2]!) : whole;
  }

  private resolveExact(text: string, lands: readonly string[], note: string | null): Resolved {
    const key = nameKey(text);
    const project = this.projects.get(key);
    if (project) {
      const lead = project.runners[0];
      if (!lead) return { kind: 'none' };
      const unit = this.matcher.get(lead.ags)!;
      // A project named like its only runner ("Ulm") is simply that municipality.
      if (project.runners.length === 1) return { kind: 'municipality', ags: lead.ags, name: unit.name, how: 'name', note };
      const said = `"${text}" is the model project ${project.name}: its lead runner ${unit.name}`;
      return { kind: 'municipality', ags: lead.ags, name: unit.name, how: 'project', note: [said, note].filter(Boolean).join('; ') };
    }
    const abroad = this.abroad.get(key);
    if (abroad) return { kind: 'abroad', slug: abroad.slug, name: abroad.name, note };
    let match = this.matcher.matchName(text, lands);
    // A Kreis written without the word (Rhein-Neckar-Kreis, Eifelkreis Bitburg-Prüm). A guess when the name is
    // a bare town's name ("Offenbach" is also Offenbach am Main): said on the link, as the other guesses are.
    if ('none' in match && !/^(land)?kreis\s/i.test(text)) {
      const kreis = this.matcher.matchName(`Landkreis ${text}`, lands);
      if ('unit' in kreis) {
        const said = /kreis\b/i.test(text) ? null : `"${text}" names no municipality exactly; taken as the Landkreis ${kreis.unit.name}`;
        return { kind: 'municipality', ags: kreis.unit.ags, name: kreis.unit.name, how: said ? 'Kreis assumed' : 'name', note: [said, note].filter(Boolean).join('; ') || null };
      }
      match = kreis;
    }
    if ('unit' in match) return { kind: 'municipality', ags: match.unit.ags, name: match.unit.name, how: 'name', note };
    if ('ambiguous' in match) {
      // Of several of that name, the one that runs a model project is the programme's partner: taken, and said so.
      const running = match.ambiguous.filter((u) => this.runners.has(u.ags));
      if (running.length === 1) {
        const u = running[0]!;
        const others = match.ambiguous.filter((x) => x !== u).map((x) => `${x.ags} ${x.name}`).join(', ');
        return { kind: 'municipality', ags: u.ags, name: u.name, how: 'runner among several', note: [`"${text}" is also ${others}; taken: the model-project runner`, note].filter(Boolean).join('; ') };
      }
      return { kind: 'ambiguous', candidates: match.ambiguous.map((u) => `${u.ags} ${u.name}`) };
    }
    return { kind: 'none' };
  }
}
