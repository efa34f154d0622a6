import { stillThere } from '../../kernel/resolve.js';
import type { Resolvers } from '../../generated/graphql.js';
import type { SourceRecord } from '../../kernel/source.js';
import type { ProjectRecord } from '../../records/project.js';
import { agsSchema, parse } from '../../kernel/validation.js';

/** Where a project is documented: the import's sources with file and line, else the URLs given through the API. */
const projectSources = (p: ProjectRecord | null): SourceRecord[] =>
  !p ? [] : p.provenance.length > 0 ? p.provenance : p.sources.map((url) => ({ url, file: null, line: null }));

export const discoveryResolvers: Resolvers = {
  Query: {
    peers: (_, args, { discovery }) => discovery.peers(parse(agsSchema, args.ags, 'ags'), args.filter, args),
    search: (_, args, { discovery }) => discovery.search(args),
    experts: (_, args, { discovery }) => discovery.experts(args),
    learningPartners: (_, args, { discovery }) => discovery.learningPartners(parse(agsSchema, args.ags, 'ags'), args.filter, args),
    gemeindePositions: (_, __, { discovery }) => discovery.gemeindePositions(),
  },
  Municipality: {
    peers: (m, args, { discovery }) => discovery.peers(m.ags, args.filter, args),
    learningPartners: (m, args, { discovery }) => discovery.learningPartners(m.ags, args.filter, args),
    inheritedTopics: (m, _, { discovery }) => discovery.inheritedTopics(m.ags),
  },
  InheritedTopic: {
    topic: async (x, _, { loaders }) => stillThere(loaders.topic.load(x.slug), 'Topic', x.slug),
  },
  // A page's solutions, projects, runners and contacts each load in one batch; contacts as the privacy rule shows them.
  LearningPartnerEdge: {
    node: async (e, _, { loaders }) => (e.node.type === 'Measure' ? stillThere(loaders.measure.load(e.node.key), 'Measure', e.node.key) : stillThere(loaders.project.load(e.node.key), 'Project', e.node.key)),
    project: async (e, _, { loaders }) => stillThere(loaders.project.load(e.project), 'Project', e.project),
    runner: async (e, _, { loaders }) => stillThere(loaders.municipality.load(e.runner), 'Municipality', e.runner),
    contacts: (e, _, { loaders }) => loaders.projectContacts.load(e.project),
    sources: async (e, _, { loaders }) =>
      e.node.type === 'Measure' ? ((await loaders.measure.load(e.node.key))?.sources ?? []) : projectSources(await loaders.project.load(e.node.key)),
  },
  Project: {
    similar: (p, args, { discovery }) => discovery.similarProjects(p.slug, args.filter, args),
  },
  // The page's peers load in one batch (and come from the loader's cache when already loaded).
  PeerEdge: {
    node: async (e, _, { loaders }) => stillThere(loaders.municipality.load(e.node.ags), 'Municipality', e.node.ags),
  },
  // What a pair shares by name: each list through its loader, batched with the page's other lookups.
  SharedActivity: {
    programmes: (s, _, { loaders }) => Promise.all(s.programmes.map((id) => stillThere(loaders.programme.load(id), 'Programme', id))),
    groups: (s) => s.groups,
    solutions: (s, _, { loaders }) => Promise.all(s.solutions.map((id) => stillThere(loaders.solution.load(id), 'Solution', id))),
    adoptions: (s) => s.adoptedFrom,
    events: (s, _, { loaders }) => Promise.all(s.events.map((id) => stillThere(loaders.event.load(id), 'Event', id))),
    partners: (s, _, { loaders }) => Promise.all(s.commonPartners.map((ags) => stillThere(loaders.municipality.load(ags), 'Municipality', ags))),
  },
  SharedProgrammeGroup: {
    programme: async (g, _, { loaders }) => stillThere(loaders.programme.load(g.programme), 'Programme', g.programme),
  },
  SharedAdoption: {
    solution: async ([solution], _, { loaders }) => stillThere(loaders.solution.load(solution), 'Solution', solution),
    user: async ([, user], _, { loaders }) => stillThere(loaders.municipality.load(user), 'Municipality', user),
  },
  Explanation: {
    contributions: (e) => e.contributions ?? [],
  },
  LearningExplanation: {
    peersLikeYou: (e, _, { loaders }) => Promise.all(e.peersLikeYou.map((ags) => stillThere(loaders.municipality.load(ags), 'Municipality', ags))),
  },
  // Shared topics resolve through the topic loader: one batched lookup for a whole page.
  SharedTopic: {
    topic: async (s, _, { loaders }) => stillThere(loaders.topic.load(s.slug), 'Topic', s.slug),
  },
  // Inherited topics name their unit and project: batched with the page's other lookups.
  TopicInheritance: {
    from: async (v, _, { loaders }) => stillThere(loaders.municipality.load(v.from), 'Municipality', v.from),
    project: async (v, _, { loaders }) => stillThere(loaders.project.load(v.project), 'Project', v.project),
  },
  ExpertReason: {
    topic: async (r, _, { loaders }) => stillThere(loaders.topic.load(r.topic), 'Topic', r.topic),
  },
};
