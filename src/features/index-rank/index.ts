// The index rank area's registration (see ../context.ts): ranks in Bitkom's Smart City Index, as cited facts.
import DataLoader from 'dataloader';
import type { Database } from '../../db/database.js';
import type { Resolvers } from '../../generated/graphql.js';
import { listStatement, readLists } from '../../kernel/batch.js';
import { toIndexRank, type IndexRankRecord } from '../../records/index-rank.js';
import { defineArea } from '../context.js';

const OF_MUNICIPALITY = listStatement('indexRank.ofMunicipality', 'Municipality.smartCityIndex', '(x:IndexRank)-[:RANKS]->(:Municipality {ags: key})', 'x.year DESC, x.id');

const indexRankRepository = (db: Database) => ({ ofMunicipality: readLists<IndexRankRecord>(db, OF_MUNICIPALITY, toIndexRank) });
export type IndexRankRepository = ReturnType<typeof indexRankRepository>;

declare module '../context.js' {
  interface Repositories {
    indexRanks: IndexRankRepository;
  }
  interface Loaders {
    municipalityIndexRanks: DataLoader<string, IndexRankRecord[]>;
  }
}

const resolvers: Resolvers = {
  Municipality: {
    smartCityIndex: (m, _, { loaders }) => loaders.municipalityIndexRanks.load(m.ags),
  },
};

export const indexRankArea = defineArea({
  resolvers,
  repositories: ({ db }) => ({ indexRanks: indexRankRepository(db) }),
  loaders: (repos) => ({ municipalityIndexRanks: new DataLoader(repos.indexRanks.ofMunicipality) }),
});
