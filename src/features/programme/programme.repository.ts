// Cypher for programmes and participations. The model-project programme's
// participants are its projects' runners: read from RUNS in the same
// statements, so a runner added or removed through the API is a participant
// at once, and nothing is stored twice.
import { cypher } from '../../db/cypher.js';
import type { Database, Row } from '../../db/database.js';
import type { ParticipationRole, ProgrammeLevel, State } from '../../generated/graphql.js';
import { readByKeys, readLists, UNWIND_KEYS, perKey } from '../../kernel/batch.js';
import { emptyPage, listPageStatement, pageOf, type PageRequest } from '../../kernel/connection.js';
import { capSlice, LIST_CAPS } from '../../kernel/list-caps.js';
import { toMunicipality, type MunicipalityRecord } from '../../records/municipality.js';
import { toParticipation, toProgramme, type ParticipationRecord, type ProgrammeRecord } from '../../records/programme.js';
import { MODEL_PROJECTS_PROGRAMME, MODEL_PROJECTS_PROGRAMME_ID } from '../../records/project.model.js';

/** Which programme's participants come from RUNS, and which projects count. */
const MODEL = { modelProgramme: MODEL_PROJECTS_PROGRAMME_ID, modelProjects: MODEL_PROJECTS_PROGRAMME };

// A runner `m` of model project `p` (RUNS `r`) as a participation: the project is its group.
const RUNNER_LINK = `{role: r.role, group: p.id, cohort: toString(p.cohort), yearFrom: p.cohort, projectTitle: coalesce(p.title, p.name),
  project: p.id, topics: COLLECT { MATCH (p)-[:ADDRESSES]->(t:Topic) RETURN t.slug ORDER BY t.slug }, topicsWording: [],
  topicsOfProgramme: false, sourceUrls: p.sourceUrls, sourceFiles: p.sourceFiles, sourceLines: p.sourceLines}`;

const BY_SLUG = cypher('programme.bySlug', 'MATCH (g:Programme) WHERE g.id IN $keys RETURN g.id AS key, g {.*} AS node');

const LIST = listPageStatement('programme.list', {
  node: 'g',
  pattern: '(g:Programme)',
  where: '($level IS NULL OR g.level = $level) AND ($state IS NULL OR $state IN g.states)',
  sort: 'g.nameKey',
  direction: 'ASC',
  key: 'g.id',
});

// Oldest first (undated last), then by programme.
const OF_MUNICIPALITY = cypher(
  'programme.ofMunicipality',
  `${UNWIND_KEYS}
   MATCH (m:Municipality {ags: key})
   CALL (m) {
     MATCH (m)-[x:TAKES_PART_IN]->(g:Programme) RETURN g, x {.*} AS link
     UNION
     MATCH (m)-[r:RUNS]->(p:Project {programme: $modelProjects}), (g:Programme {id: $modelProgramme})
     RETURN g, ${RUNNER_LINK} AS link
   }
   WITH i, m, g, link ORDER BY coalesce(link.yearFrom, 9999), g.nameKey, link.group
   RETURN i, collect({programme: g {.*}, municipality: m {.*}, link: link})${capSlice('Municipality.programmes')} AS items`,
);

// Every participant of a programme with the filters of one page request; the page is cut in memory
// (a programme has at most a few hundred named participants).
const PARTICIPANTS = cypher(
  'programme.participants',
  `${UNWIND_KEYS}
   MATCH (g:Programme {id: key.slug})
   CALL (g) {
     MATCH (m:Municipality)-[x:TAKES_PART_IN]->(g) RETURN m, x {.*} AS link
     UNION
     MATCH (m:Municipality)-[r:RUNS]->(p:Project {programme: $modelProjects}) WHERE g.id = $modelProgramme
     RETURN m, ${RUNNER_LINK} AS link
   }
   WITH i, key, g, m, link WHERE (key.state IS NULL OR m.state = key.state) AND (key.role IS NULL OR link.role = key.role)
   WITH i, g, m, link ORDER BY m.nameKey, m.ags, link.group, link.cohort
   RETURN i, collect({programme: g {.*}, municipality: m {.*}, link: link}) AS items`,
);

// The members of one group of a programme (for a model project: its runners).
const GROUP_MEMBERS = cypher(
  'programme.groupMembers',
  `${UNWIND_KEYS}
   MATCH (g:Programme {id: key.programme})
   CALL (g, key) {
     MATCH (m:Municipality)-[x:TAKES_PART_IN]->(g) WHERE x.group = key.group RETURN m
     UNION
     MATCH (m:Municipality)-[:RUNS]->(:Project {id: key.group, programme: $modelProjects}) WHERE g.id = $modelProgramme RETURN m
   }
   WITH i, m ORDER BY m.nameKey, m.ags
   // One more than the cap: the asking member itself is left out by the resolver.
   RETURN i, collect(m {.*})[..${LIST_CAPS['Participation.fellowMembers'] + 1}] AS items`,
);

export interface ParticipantsKey {
  slug: string;
  state: State | null;
  role: ParticipationRole | null;
}

export interface GroupKey {
  programme: string;
  group: string;
}

export function programmeRepository(db: Database) {
  return {
    bySlug: readByKeys(db, BY_SLUG, toProgramme),

    list: (filter: { level: ProgrammeLevel | null; state: State | null }, page: PageRequest) =>
      db.read('programme.list', async (tx) => {
        const [row] = await tx.run(LIST, { ...filter, limit: page.limit, after: page.after });
        return row ? pageOf(toProgramme)(row) : emptyPage<ProgrammeRecord>();
      }),

    ofMunicipality: readLists<ParticipationRecord>(db, OF_MUNICIPALITY, toParticipation, MODEL),

    participants: (keys: readonly ParticipantsKey[]) =>
      db.read(PARTICIPANTS.name, (tx) => perKey(tx, PARTICIPANTS, keys, (r) => (r.items as Row[]).map(toParticipation), (): ParticipationRecord[] => [], MODEL)),

    groupMembers: (keys: readonly GroupKey[]) =>
      db.read(GROUP_MEMBERS.name, (tx) => perKey(tx, GROUP_MEMBERS, keys, (r) => (r.items as Row[]).map(toMunicipality), (): MunicipalityRecord[] => [], MODEL)),
  };
}

export type ProgrammeRepository = ReturnType<typeof programmeRepository>;
