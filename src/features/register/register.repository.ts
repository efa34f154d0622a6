// The register the municipalities came from, as the last import recorded it.
import { cypher } from '../../db/cypher.js';
import type { Database, Row } from '../../db/database.js';

export interface RegisterRecord {
  territoryDate: string;
  populationDate: string;
  attribution: string;
  url: string;
  file: string;
  sha256: string;
  importedAt: string;
}

const REGISTER = cypher('register.info', "MATCH (g:Register {id: 'register'}) RETURN g {.*} AS g");

export function registerRepository(db: Database) {
  return {
    info: () =>
      db.read('register.info', async (tx) => {
        const [row] = await tx.run<{ g: Row }>(REGISTER);
        return row ? (row.g as unknown as RegisterRecord) : null;
      }),
  };
}
export type RegisterRepository = ReturnType<typeof registerRepository>;
