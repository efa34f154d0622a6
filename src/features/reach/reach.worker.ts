// The network analysis's own thread (worker_threads). Betweenness and Louvain
// are seconds of CPU on the programme's graph (3 s on the benchmark's data,
// minutes at 16 times its size: bench/results/scale-*.md), and on the main
// thread every other request would wait that long. This file is the worker's
// entry: it takes one job at a time and answers with the result, plain
// values, structured-cloned.
import { parentPort } from 'node:worker_threads';
import type { Snapshot } from './reach.compute.js';
import { computeNetwork, type NetworkResult } from './reach.network.js';
import type { ReachLinkKind } from '../../generated/graphql.js';

export interface NetworkJob {
  id: number;
  snapshot: Snapshot;
  kinds: ReachLinkKind[];
  asOf: string | null;
}

export type NetworkReply = { id: number; result: NetworkResult } | { id: number; error: string };

parentPort?.on('message', (job: NetworkJob) => {
  let reply: NetworkReply;
  try {
    reply = { id: job.id, result: computeNetwork(job.snapshot, new Set(job.kinds), job.asOf) };
  } catch (error) {
    reply = { id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});
