import DataLoader from 'dataloader';
import type { TopicRepository } from './topic.repository.js';

/** Per-request loaders: one batched statement per relation and nesting level. */
export function topicLoaders(repo: TopicRepository) {
  const byArgs = { cacheKeyFn: (key: object) => JSON.stringify(key) };
  return {
    topic: new DataLoader(repo.bySlug),
    topicParent: new DataLoader(repo.parent),
    topicSubtopics: new DataLoader(repo.subtopics),
    topicProjects: new DataLoader(repo.projects, byArgs),
    topicInterestedMunicipalities: new DataLoader(repo.interestedMunicipalities, byArgs),
    topicExperts: new DataLoader(repo.experts),
    topicEvents: new DataLoader(repo.events),
  };
}
