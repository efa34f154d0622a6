// Argument validation: zod schemas for the shapes the API accepts, and one
// function that turns a failed parse into BAD_USER_INPUT with every problem listed.
import { z } from 'zod';
import { badInput } from '../errors.js';
import { queryText } from './text.js';

// Control characters have no place in names or descriptions (tabs and newlines excepted in long text).
/* eslint-disable no-control-regex -- finding control characters is the point */
const noControl = /^[^\u0000-\u001f\u007f]*$/;
const noControlButWhitespace = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
/* eslint-enable no-control-regex */

export const agsSchema = z.string().regex(/^(\d{2}|\d{5}|\d{8}|\d{9})$/, 'must be an AGS of 2, 5, 8 or 9 digits, e.g. 07137 or 07137068');
export const slugSchema = z
  .string()
  .min(2, 'must be at least 2 characters')
  .max(80, 'must be at most 80 characters')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens, e.g. smart-region-myk');
export const uuidSchema = z.uuid('must be a UUID');

// Stored text is NFC (one code point sequence per written form, so equal names compare equal) and holds
// nothing invisible that could make it read other than it is: no format characters (zero-width spaces
// and joiners, direction marks and overrides that reorder what is shown, the byte-order mark), and no
// letter with more than three combining marks stacked on it ("Zalgo" text that spills over other lines).
const invisible = /\p{Cf}/u;
const stackedMarks = /\p{M}{4,}/u;
const written = (schema: z.ZodString) =>
  z
    .string()
    .transform((s) => s.normalize('NFC'))
    // Before trimming: JavaScript's trim() would quietly drop a leading byte-order mark.
    .refine((s) => !invisible.test(s), 'must not contain invisible characters (zero-width characters, direction marks or overrides)')
    .refine((s) => !stackedMarks.test(s), 'must not stack more than three combining marks on one letter')
    .pipe(schema);

// Letters and symbols that are drawn as nothing: the Hangul fillers (letters by their category) and the blank
// Braille pattern. A name of only these (or spaces) would look empty.
const BLANK_LOOKING = /[\u115f\u1160\u3164\uffa0\u2800]/gu;
const visible = (s: string) => /[\p{L}\p{N}]/u.test(s.replace(BLANK_LOOKING, ''));

export const nameSchema = (max = 200) =>
  written(
    z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(max, `must be at most ${max} characters`)
      .regex(noControl, 'must not contain control characters')
      .refine(visible, 'must contain a visible letter or digit'),
  );
export const textSchema = (max = 5000) =>
  written(z.string().trim().max(max, `must be at most ${max} characters`).regex(noControlButWhitespace, 'must not contain control characters'));

/** Text to search or filter with, in its one normal form (`queryText`), then bounded: a lone invisible character is empty. */
export const queryTextSchema = (min: number, max: number) =>
  z
    .string()
    .transform(queryText)
    .pipe(
      z
        .string()
        .min(min, min === 1 ? 'must not be empty (invisible characters do not count)' : `must be at least ${min} characters (invisible characters do not count)`)
        .max(max, `must be at most ${max} characters`),
    );

export const phoneSchema = z.string().trim().regex(/^\+?[0-9 ()/-]{4,40}$/, 'must be a phone number: digits, spaces and + ( ) / - only');
export const postcodeSchema = z.string().regex(/^\d{5}$/, 'must be a five-digit postcode');
export const isoDateSchema = z.iso.date('must be a date as YYYY-MM-DD');

/** The URL scalar has already parsed it; only web addresses are accepted, stored as text. */
export const webUrlSchema = z
  .instanceof(URL)
  .refine((u) => u.protocol === 'http:' || u.protocol === 'https:', 'must be an http or https address')
  .refine((u) => u.href.length <= 2000, 'must be at most 2,000 characters')
  .transform((u) => u.href);

/** The DateTime scalar has already parsed it; stored as ISO text in UTC. */
export const dateTimeSchema = z
  .instanceof(Date)
  .refine((d) => !Number.isNaN(d.getTime()), 'must be a valid date-time')
  .transform((d) => d.toISOString());

export const latSchema = z.number().min(-90).max(90);
export const lonSchema = z.number().min(-180).max(180);

/** Exactly one of `ags` and `organization`. */
export const actorSchema = z
  .object({ ags: agsSchema.nullish(), organization: slugSchema.nullish() })
  .refine((a) => (a.ags == null) !== (a.organization == null), 'give exactly one of `ags` and `organization`');
export type ActorRef = { ags: string; organization?: undefined } | { organization: string; ags?: undefined };
export const toActorRef = (a: z.infer<typeof actorSchema>): ActorRef => (a.ags != null ? { ags: a.ags } : { organization: a.organization! });

/**
 * Parses `value` with `schema`; on failure throws BAD_USER_INPUT naming every
 * wrong field, e.g. "input.ags: must be an AGS of 2, 5, 8 or 9 digits".
 */
export function parse<S extends z.ZodType>(schema: S, value: unknown, argument: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({
    path: [argument, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw badInput(`Invalid input: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}.`, { invalidArgs: problems });
}

/** The keys a caller named in an update input: left out (undefined) stays as it is, null clears. */
export const namedOnly = <T extends object>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
