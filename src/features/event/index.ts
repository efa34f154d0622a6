// The event area's registration (see ../context.ts).
import { defineArea } from '../context.js';
import { eventLoaders } from './event.loaders.js';
import { eventRepository, type EventRepository } from './event.repository.js';
import { eventResolvers } from './event.resolvers.js';

declare module '../context.js' {
  interface Repositories {
    events: EventRepository;
  }
  interface Loaders extends ReturnType<typeof eventLoaders> {}
}

export const eventArea = defineArea({
  resolvers: eventResolvers,
  repositories: ({ db, access }) => ({ events: eventRepository(db, access) }),
  loaders: (repos) => eventLoaders(repos.events),
  nodes: { Event: (loaders, key) => loaders.event.load(key) },
});
