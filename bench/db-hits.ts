// dbHits of one statement: PROFILE it once in a read session and add up its plan.
import neo4j, { type Driver } from 'neo4j-driver';

interface Plan {
  dbHits: number;
  children: Plan[];
}
const total = (p: Plan): number => p.dbHits + p.children.reduce((n, c) => n + total(c), 0);

/** A leading `CYPHER …` line (as @neo4j/graphql writes) stays first, PROFILE goes after it. */
export async function dbHits(driver: Driver, text: string, params: Record<string, unknown>): Promise<number> {
  const prefix = /^\s*CYPHER\b[^\n]*\n/.exec(text)?.[0] ?? '';
  const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(`${prefix}PROFILE ${text.slice(prefix.length)}`, params);
    return total(result.summary.profile as unknown as Plan);
  } finally {
    await session.close();
  }
}
