// Cypher for the functional contact points the runners publish for their model projects.
import type { Database } from '../../db/database.js';
import { listStatement, readLists } from '../../kernel/batch.js';
import { toContactPoint, type ContactPointRecord } from '../../records/contact-point.js';

// A contact point with its project and its offices in the source's order.
const CONTACT_POINT = `x {.*, project: [(p:Project)-[:CONTACT_POINT]->(x) | p.id][0],
  offices: COLLECT { MATCH (x)-[o:OFFICE_OF]->(m:Municipality) RETURN m.ags ORDER BY o.rank }}`;

const OF_PROJECT = listStatement('contactPoint.ofProject', 'Project.contactPoints', '(:Project {id: key})-[:CONTACT_POINT]->(x:ContactPoint)', 'x.id', CONTACT_POINT);
const OF_MUNICIPALITY = listStatement('contactPoint.ofMunicipality', 'Municipality.contactPoints', '(x:ContactPoint)-[:OFFICE_OF]->(:Municipality {ags: key})', 'x.id', CONTACT_POINT);

export function contactPointRepository(db: Database) {
  return {
    ofProject: readLists<ContactPointRecord>(db, OF_PROJECT, toContactPoint),
    ofMunicipality: readLists<ContactPointRecord>(db, OF_MUNICIPALITY, toContactPoint),
  };
}

export type ContactPointRepository = ReturnType<typeof contactPointRepository>;
