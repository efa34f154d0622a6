// The register for tests: Destatis's workbook as the product finds it (the
// local mirror beside the project), and its CSV conversion for corrupted copies.
import { join } from 'node:path';
import { DEFAULT_REGISTER_MIRROR_DIR, locateRegister } from '../../src/import/register-source.js';
import { readRegister, type RegisterFile, type RegisterRead } from '../../src/import/register-read.js';
import { REGISTER_COLUMNS } from '../../src/import/register.js';

/** The workbook, found the product's way (cache or mirror), never downloaded by a test. */
export const registerWorkbook = async (): Promise<RegisterFile> => locateRegister({ url: 'http://127.0.0.1:9/not-for-tests' });

let read: Promise<RegisterRead> | undefined;
/**
 * The workbook read once for the whole run (the Neo4j tiers share one module graph): parsing it takes
 * about 1.5 s, and the tests import the same register many times. `runImport` takes it as read.
 */
export const registerRead = (): Promise<RegisterRead> => (read ??= registerWorkbook().then((file) => readRegister(file, REGISTER_COLUMNS)));

/** The mirror's CSV conversion (same columns), with the dates the workbook states. */
export const REGISTER_CSV: RegisterFile = {
  path: join(DEFAULT_REGISTER_MIRROR_DIR, 'destatis-gv-isys-2024-12-31.csv'),
  territoryDate: '2024-12-31',
  populationDate: '2023-12-31',
};
