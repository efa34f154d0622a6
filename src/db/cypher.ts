// Named, parameterised Cypher statements, and the rule that keeps user values
// out of Cypher text: statements are made only while the modules load. Once
// the server seals the factory (before it takes its first request) `cypher()`
// throws, so no statement text can contain anything a request brought.
// Values travel as parameters ($name), always. tests/unit/cypher-safety.test.ts
// checks both halves.

declare const made: unique symbol;

/** A named, parameterised Cypher statement. The name goes into the transaction metadata and the logs. */
export interface Statement {
  readonly name: string;
  readonly text: string;
  /** Writes only to take locks (a property set and removed at once): its changes do not count as changes of the data. */
  readonly locksOnly?: true;
  /** Only `cypher()` makes statements: an object literal is not one (and `as Statement` is a lint error). */
  readonly [made]: true;
}

let sealed = false;
/** Every statement made, in the order the modules made them: the Cypher snapshot tier prints them. */
const registry: Statement[] = [];

export class SealedError extends Error {}

export function cypher(name: string, text: string, options: { locksOnly?: true } = {}): Statement {
  if (sealed) {
    throw new SealedError(`Cypher statement '${name}' was built after start-up; statements are module constants, values go in parameters.`);
  }
  const statement = Object.freeze({ name, text: text.trim(), ...options }) as Statement; // eslint-disable-line no-restricted-syntax -- the one maker
  registry.push(statement);
  return statement;
}

/** The statements made so far (all of them once every module is loaded). */
export const madeStatements = (): readonly Statement[] => registry;

/** From now on no statement can be made. Called once the server is built, before it takes requests. */
export function sealStatements(): void {
  sealed = true;
}

export const statementsSealed = (): boolean => sealed;

/**
 * Opens the factory again. Only for test runs whose files share one module graph (tests/support/
 * per-file.ts): an earlier file's server sealed it, and the next file's modules still make their
 * constants as they load. Never called by the product.
 */
export function unsealStatementsForNextTestFile(): void {
  sealed = false;
}
