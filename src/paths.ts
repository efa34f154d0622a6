import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder: src/ when run from source and dist/ when built both sit directly in it. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A path from the configuration, relative to the project folder unless absolute. */
export const fromProject = (path: string) => resolve(PROJECT_ROOT, path);
