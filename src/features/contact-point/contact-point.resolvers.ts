import type { Resolvers } from '../../generated/graphql.js';
import { present, stillThere } from '../../kernel/resolve.js';

export const contactPointResolvers: Resolvers = {
  ContactPoint: {
    project: (c, _, { loaders }) => stillThere(loaders.project.load(c.projectSlug), 'Project', c.projectSlug),
    municipalities: async (c, _, { loaders }) => present(await loaders.municipality.loadMany(c.municipalityAgs)),
  },
  Project: {
    contactPoints: (p, _, { loaders }) => loaders.projectContactPoints.load(p.slug),
  },
  Municipality: {
    contactPoints: (m, _, { loaders }) => loaders.municipalityContactPoints.load(m.ags),
  },
  LearningPartnerEdge: {
    contactPoints: (edge, _, { loaders }) => loaders.projectContactPoints.load(edge.project),
  },
};
