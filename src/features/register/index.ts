// The register area's registration (see ../context.ts).
import { defineArea } from '../context.js';
import { registerRepository, type RegisterRepository } from './register.repository.js';
import { registerResolvers } from './register.resolvers.js';

declare module '../context.js' {
  interface Repositories {
    register: RegisterRepository;
  }
}

export const registerArea = defineArea({
  resolvers: registerResolvers,
  repositories: ({ db }) => ({ register: registerRepository(db) }),
});
