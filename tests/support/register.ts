// The register for tests: Destatis's workbook as the product finds it (the
// local mirror beside the project), and its CSV conversion for corrupted copies.
import { join } from 'node:path';
import { DEFAULT_REGISTER_MIRROR_DIR, locateRegister } from '../../src/import/register-source.js';
import type { RegisterFile } from '../../src/import/register-read.js';

/** The workbook, found the product's way (cache or mirror), never downloaded by a test. */
export const registerWorkbook = async (): Promise<RegisterFile> => locateRegister({ url: 'http://127.0.0.1:9/not-for-tests' });

/** The mirror's CSV conversion (same columns), with the dates the workbook states. */
export const REGISTER_CSV: RegisterFile = {
  path: join(DEFAULT_REGISTER_MIRROR_DIR, 'destatis-gv-isys-2024-12-31.csv'),
  territoryDate: '2024-12-31',
  populationDate: '2023-12-31',
};
