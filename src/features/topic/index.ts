// The topic area's registration (see ../context.ts).
import { defineArea } from '../context.js';
import { topicLoaders } from './topic.loaders.js';
import { topicRepository, type TopicRepository } from './topic.repository.js';
import { topicResolvers } from './topic.resolvers.js';

declare module '../context.js' {
  interface Repositories {
    topics: TopicRepository;
  }
  interface Loaders extends ReturnType<typeof topicLoaders> {}
}

export const topicArea = defineArea({
  resolvers: topicResolvers,
  repositories: ({ db, access }) => ({ topics: topicRepository(db, access) }),
  loaders: (repos) => topicLoaders(repos.topics),
  nodes: { Topic: (loaders, key) => loaders.topic.load(key) },
});
