// npm run schema:print : writes the printed SDL of schema/ to schema.contract.graphql, the committed contract.
// tests/unit/schema-contract.test.ts fails until it is up to date, and on breaking changes against the last commit.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { CONTRACT_FILE, printContract } from '../schema.js';

writeFileSync(CONTRACT_FILE, printContract());
console.log(`Wrote ${relative(process.cwd(), CONTRACT_FILE)}. Review the diff and commit it with the change to schema/.`);
