// The access area's registration (see ../context.ts): who am I, API keys.
import { defineArea } from '../context.js';
import { accessResolvers } from './access.resolvers.js';

export const accessArea = defineArea({ resolvers: accessResolvers });
