// Whom to call about a model project (contact-points.csv): the functional
// contact point its runner publishes — a unit, a role mailbox, the unit's
// phone, the project's web and contact page — never a named person. Each
// mailbox and number keeps how certain it is (`email_basis`, `phone_basis`).
import type { ChannelBasis } from '../generated/graphql.js';
import { parsePartialDate } from '../kernel/partial-date.js';
import { urlsOf, type SourceRecord } from '../kernel/source.js';
import type { CsvRecord } from './csv.js';
import { AGS_LIST, unitsOfKeys } from './keys.js';
import type { Matcher } from './matcher.js';
import { slugify, type ProjectImport } from './projects.js';
import type { ImportReport } from './report.js';

export const CONTACT_POINTS_SOURCE = 'contact-points.csv';
export const CONTACT_POINT_COLUMNS = [
  'model_project', 'municipality', 'ags', 'unit', 'email', 'email_basis', 'phone', 'phone_basis', 'web', 'contact_page', 'source_url', 'as_of', 'notes',
] as const;

const BASES = new Set<string>(['OFFICIAL_PAGE', 'RECONSTRUCTED', 'GENERAL', 'THIRD_PARTY_PAGE']);
/** What the file writes where a source speaks only of a team or a coordinator post. */
const NO_UNIT = '(no unit name published)';
const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;
const PHONE = /^\+?[0-9 ()/-]{4,40}$/;
const WEB = /^https?:\/\/\S+$/;

export interface ContactPointImport {
  slug: string;
  project: string;
  /** The runners it belongs to, in the source's order. */
  municipalities: string[];
  /** The municipality as the source names it. */
  municipalityWording: string;
  unit: string | null;
  email: string | null;
  emailBasis: ChannelBasis | null;
  phone: string | null;
  phoneBasis: ChannelBasis | null;
  web: string | null;
  contactPage: string | null;
  /** As precise as the page gives it: `2025`, `2025-06` or `2025-06-26`. */
  asOf: string | null;
  note: string | null;
  sources: SourceRecord[];
}

export function parseContactPoints(records: readonly CsvRecord[], projects: readonly ProjectImport[], matcher: Matcher, report: ImportReport): ContactPointImport[] {
  const byName = new Map(projects.map((p) => [p.name, p]));
  const out: ContactPointImport[] = [];
  const slugs = new Map<string, number>();
  for (const { line, values: v } of records) {
    const errors = report.errors.length;
    const fail = (detail: string) => report.error(CONTACT_POINTS_SOURCE, line, 'invalid row', detail);
    const text = (column: string) => (v[column] ?? '').trim();
    const project = byName.get(text('model_project'));
    const municipality = text('municipality');
    const [email, emailBasis, phone, phoneBasis] = [text('email'), text('email_basis'), text('phone'), text('phone_basis')];
    const ags = text('ags');
    const urls = urlsOf(v.source_url);
    const asOf = text('as_of');
    if (!project) fail(`model_project "${text('model_project')}" is not the name of a row of mpsc.csv`);
    if (!municipality || !text('unit')) fail('municipality and unit are required');
    if (email && !EMAIL.test(email)) fail(`email "${email}" is not an e-mail address`);
    if (phone && !PHONE.test(phone)) fail(`phone "${phone}" is not a phone number`);
    // A mailbox or number is shown only with how certain it is.
    if (Boolean(email) !== BASES.has(emailBasis)) fail(`an email needs an email_basis (${[...BASES].join(', ')}) and only an email has one`);
    if (Boolean(phone) !== BASES.has(phoneBasis)) fail(`a phone needs a phone_basis (${[...BASES].join(', ')}) and only a phone has one`);
    for (const url of [...urls, text('web'), text('contact_page')].filter(Boolean)) if (!WEB.test(url)) fail(`"${url}" is not a web address`);
    if (urls.length === 0) fail('source_url is empty');
    if (ags && !AGS_LIST.test(ags)) fail(`ags "${ags}" is not a list of 8-digit Gemeinde or 5-digit Kreis keys`);
    if (asOf && !parsePartialDate(asOf)) fail(`as_of "${asOf}" is not a date as YYYY, YYYY-MM or YYYY-MM-DD`);
    if (report.errors.length > errors) continue;

    const slug = `${project!.slug}-${slugify(municipality)}`.slice(0, 80).replace(/-+$/, '');
    if (slugs.has(slug)) {
      report.error(CONTACT_POINTS_SOURCE, line, 'duplicate row', `${project!.name}, ${municipality} is already on line ${slugs.get(slug)}`);
      continue;
    }
    slugs.set(slug, line);
    const notes = text('notes');
    out.push({
      slug,
      project: project!.slug,
      municipalities: unitsOfKeys(ags, { source: CONTACT_POINTS_SOURCE, line, name: municipality, notes }, matcher, report).map((u) => u.ags),
      municipalityWording: municipality,
      unit: text('unit') === NO_UNIT ? null : text('unit'),
      email: email || null,
      emailBasis: (emailBasis || null) as ChannelBasis | null,
      phone: phone || null,
      phoneBasis: (phoneBasis || null) as ChannelBasis | null,
      web: text('web') || null,
      contactPage: text('contact_page') || null,
      asOf: parsePartialDate(asOf)?.value ?? null,
      note: notes || null,
      sources: urls.map((url) => ({ url, file: CONTACT_POINTS_SOURCE, line })),
    });
  }
  return out;
}
