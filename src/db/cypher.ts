/** A named, parameterised Cypher statement. The name goes into the transaction metadata and the logs. */
export interface Statement {
  readonly name: string;
  readonly text: string;
}

export const cypher = (name: string, text: string): Statement => Object.freeze({ name, text: text.trim() });
