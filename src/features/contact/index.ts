// The contact area's registration (see ../context.ts).
import { defineArea } from '../context.js';
import { contactLoaders } from './contact.loaders.js';
import { contactRepository, type ContactRepository } from './contact.repository.js';
import { contactResolvers } from './contact.resolvers.js';

declare module '../context.js' {
  interface Repositories {
    contacts: ContactRepository;
  }
  interface Loaders extends ReturnType<typeof contactLoaders> {}
}

export const contactArea = defineArea({
  resolvers: contactResolvers,
  repositories: ({ db, access }) => ({ contacts: contactRepository(db, access) }),
  loaders: (repos) => contactLoaders(repos.contacts),
  nodes: { Contact: (loaders, key) => loaders.contact.load(key) },
});
