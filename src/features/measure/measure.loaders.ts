import DataLoader from 'dataloader';
import type { MeasureRepository } from './measure.repository.js';

/** Per-request loaders: one batched statement per relation and nesting level. */
export function measureLoaders(repo: MeasureRepository) {
  return {
    measure: new DataLoader(repo.bySlug),
    measureProject: new DataLoader(repo.project),
    measureTopicLinks: new DataLoader(repo.topicLinks),
    projectMeasures: new DataLoader(repo.ofProject),
    topicMeasures: new DataLoader(repo.ofTopic, { cacheKeyFn: (key: object) => JSON.stringify(key) }),
  };
}
