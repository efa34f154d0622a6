// npm run neo4j -- start|stop|status : manage the project's local Neo4j by hand.
import { localNeo4jStatus, LocalNeo4jError, startLocalNeo4j, stopLocalNeo4j } from '../db/local-neo4j.js';

const port = Number(process.env.LOCAL_NEO4J_PORT ?? 7687);
const dir = process.env.LOCAL_NEO4J_DIR ?? '.neo4j';
const log = (line: string) => console.log(line);

try {
  switch (process.argv[2]) {
    case 'start': {
      const handle = await startLocalNeo4j({ port, dir, log });
      log(handle.started ? `Neo4j ${handle.version} is up at ${handle.uri}` : `Neo4j already running at ${handle.uri}`);
      break;
    }
    case 'stop':
      log((await stopLocalNeo4j({ dir, log })) ? 'Stopped.' : 'Not running.');
      break;
    case 'status':
      log(JSON.stringify(await localNeo4jStatus({ dir, port })));
      break;
    default:
      console.error('usage: npm run neo4j -- start|stop|status   (LOCAL_NEO4J_PORT, LOCAL_NEO4J_DIR)');
      process.exitCode = 2;
  }
} catch (error) {
  if (!(error instanceof LocalNeo4jError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
