// The built-in SAMPLE dataset (data/sample.json): a few real municipalities
// and model projects, loaded on first start into an empty database so the
// service has something to show before the full register is imported.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cypher } from '../db/cypher.js';
import type { Database } from '../db/database.js';
import { createRepositories } from '../context.js';
import type { EventWrite } from '../modules/event/event.repository.js';
import type { MunicipalityWrite } from '../modules/municipality/municipality.repository.js';
import type { ProjectWrite } from '../modules/project/project.repository.js';
import type { TopicWrite } from '../modules/topic/topic.repository.js';

const SAMPLE_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'sample.json');

const IS_EMPTY = cypher('sample.isEmpty', 'RETURN NOT EXISTS { MATCH (:Municipality) } AS empty');

interface SampleData {
  municipalities: (Partial<MunicipalityWrite> & Pick<MunicipalityWrite, 'ags' | 'name' | 'kind'>)[];
  topics: (Partial<TopicWrite> & Pick<TopicWrite, 'slug' | 'name'>)[];
  projects: (Partial<ProjectWrite> & Pick<ProjectWrite, 'slug' | 'name' | 'topics' | 'runners'>)[];
  events: (Partial<EventWrite> & Pick<EventWrite, 'slug' | 'title' | 'kind' | 'startsAt' | 'topics'>)[];
}

/** Loads the sample into an empty database; returns false (and does nothing) when it holds municipalities already. */
export async function loadSampleIfEmpty(db: Database): Promise<boolean> {
  const [row] = await db.read('sample.isEmpty', (tx) => tx.run<{ empty: boolean }>(IS_EMPTY));
  if (!row?.empty) return false;
  const data = JSON.parse(readFileSync(SAMPLE_FILE, 'utf8')) as SampleData;
  const repos = createRepositories(db);
  // Parents before parts (shorter AGS first), fields of action before sub-topics.
  for (const m of [...data.municipalities].sort((a, b) => a.ags.length - b.ags.length)) {
    await repos.municipalities.upsert({ population: null, areaKm2: null, postcode: null, location: null, parentAgs: null, ...m });
  }
  for (const t of [...data.topics].sort((a, b) => Number(a.parent !== undefined) - Number(b.parent !== undefined))) {
    await repos.topics.create({ nameEn: null, description: null, parent: null, ...t });
  }
  for (const p of data.projects) {
    await repos.projects.create({
      summary: null, status: null, startDate: null, endDate: null, programme: null, cohort: null, fundingEur: null, url: null, ...p,
    });
  }
  for (const e of data.events) {
    await repos.events.create({ format: null, participantCount: null, url: null, host: null, ...e });
  }
  return true;
}
