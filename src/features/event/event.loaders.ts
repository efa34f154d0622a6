import DataLoader from 'dataloader';
import type { EventRepository } from './event.repository.js';

/** Per-request loaders: one batched statement per relation and nesting level. */
export function eventLoaders(repo: EventRepository) {
  return {
    event: new DataLoader(repo.bySlug),
    eventHosts: new DataLoader(repo.hosts),
    eventTopics: new DataLoader(repo.topics),
    eventAttendees: new DataLoader(repo.attendees, { cacheKeyFn: (key: object) => JSON.stringify(key) }),
    eventAttendance: new DataLoader(repo.attendance, { cacheKeyFn: (key: object) => JSON.stringify(key) }),
  };
}
