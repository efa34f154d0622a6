// Reach on the request path: a snapshot cached per process and refreshed
// when its version changes, seeds resolved from the source, and the figures
// computed lazily per field from one breadth-first search.
import { z } from 'zod';
import { PerVersion } from '../../db/data-version.js';
import { notFound } from '../../errors.js';
import type { ReachLinkKind, ReachSource } from '../../generated/graphql.js';
import { MODEL_PROJECTS_PROGRAMME } from '../../records/project.model.js';
import { agsSchema, parse, slugSchema } from '../../kernel/validation.js';
import { reach, summarise, viewOf, whiteSpots, whiteSpotStates, type Reached, type Snapshot } from './reach.compute.js';
import type { ReachRepository } from './reach.repository.js';
import type { NetworkResult } from './reach.network.js';
import { NetworkThread } from './reach.thread.js';

export const MAX_HOPS = 6;
const MAX_CACHED_NETWORKS = 16;

// Today in Germany is the default `asOf`: links dated in the future do not count yet.
import { today } from '../../kernel/time.js';
export { today };
/** Every kind of link. */
export const ALL_LINK_KINDS: readonly ReachLinkKind[] = [
  'PROJECT', 'EVENT', 'ROLE_MODEL', 'KNOWLEDGE_EXCHANGE', 'JOINT_DEVELOPMENT', 'TRANSFER', 'PROGRAMME_GROUP', 'SOLUTION', 'SHARED_SOLUTION',
];
/**
 * The kinds counted when a caller names none: all but SHARED_SOLUTION. Two towns running the same app need
 * not know each other (the Smart Village App alone would link 36 municipalities in every pair), so that basis
 * is asked for, not assumed.
 */
export const DEFAULT_LINK_KINDS: readonly ReachLinkKind[] = ALL_LINK_KINDS.filter((k) => k !== 'SHARED_SOLUTION');

/**
 * The snapshot of one API process. Every request asks the database for the
 * version (one cheap statement); only a changed version reloads, and
 * concurrent requests share one load.
 */
export type AnalysisStatus = 'READY' | 'STALE' | 'COMPUTING';

export interface NetworkAnswer {
  status: AnalysisStatus;
  computedAt: string | null;
  snapshotVersion: number | null;
  result: NetworkResult | null;
}

export class ReachSnapshots {
  private readonly snapshots = new PerVersion<Snapshot>('reach snapshot');
  private readonly networks = new Map<string, { version: number; computedAt: string; result: NetworkResult }>();
  private readonly computing = new Set<string>();
  private readonly thread = new NetworkThread();
  /** How long the last network analysis took in its worker, in ms (the benchmark's scale curve). */
  lastComputeMs: number | null = null;
  /** How many snapshots were read (tests). */
  get loads(): number {
    return this.snapshots.loads;
  }
  /** How long the last snapshot read took, in ms (the benchmark's scale curve). */
  get lastSnapshotMs(): number | null {
    return this.snapshots.lastLoadMs;
  }

  /**
   * Brokers and communities for the current snapshot. The first request
   * starts the computation and answers COMPUTING; later requests answer READY
   * with the result, or STALE with the previous snapshot's result while a
   * newer one is computed.
   */
  async network(repo: ReachRepository, kinds: readonly ReachLinkKind[], asOf: string, includeGenerated: boolean, log: (error: unknown) => void): Promise<NetworkAnswer> {
    const snapshot = await this.get(repo);
    const key = `${[...kinds].sort().join(',')}|${asOf}|${includeGenerated}`;
    const known = this.networks.get(key);
    if (known?.version === snapshot.version) return { status: 'READY', computedAt: known.computedAt, snapshotVersion: known.version, result: known.result };
    if (!this.computing.has(key)) {
      this.computing.add(key);
      // Off the request path and off the event loop: in the worker (reach.worker.ts).
      const started = performance.now();
      this.thread
        .compute(viewOf(snapshot, includeGenerated), kinds, asOf)
        .then((result) => {
          this.lastComputeMs = performance.now() - started;
          const newer = this.networks.get(key);
          if (!newer || newer.version <= snapshot.version) {
            this.networks.delete(key);
            this.networks.set(key, { version: snapshot.version, computedAt: new Date().toISOString(), result });
            // A few parameter sets are kept; the least recently computed goes first.
            while (this.networks.size > MAX_CACHED_NETWORKS) this.networks.delete(this.networks.keys().next().value!);
          }
        })
        .catch(log)
        .finally(() => this.computing.delete(key));
    }
    return known
      ? { status: 'STALE', computedAt: known.computedAt, snapshotVersion: known.version, result: known.result }
      : { status: 'COMPUTING', computedAt: null, snapshotVersion: null, result: null };
  }

  /** Stops the analysis's worker (a server shutting down; tests). */
  close(): Promise<void> {
    return this.thread.close();
  }

  /** The snapshot of the current data version: one cheap statement asks for the version, a changed one reloads. */
  async get(repo: ReachRepository): Promise<Snapshot> {
    return this.snapshots.get(await repo.version(), () => repo.snapshot());
  }
}

const sourceSchema = z
  .object({ municipality: agsSchema.nullish(), project: slugSchema.nullish(), event: slugSchema.nullish(), programme: z.literal(true).nullish() })
  .refine((s) => [s.municipality, s.project, s.event, s.programme].filter((x) => x != null).length === 1, 'give exactly one of municipality, project, event, programme');
const hopsSchema = z.number().int().min(0, 'must be 0 or more').max(MAX_HOPS, `must be at most ${MAX_HOPS}`);

function seedsOf(snapshot: Snapshot, source: z.infer<typeof sourceSchema>, projectExists: boolean): string[] {
  if (source.municipality != null) {
    if (!snapshot.municipalities.has(source.municipality)) throw notFound('Municipality', source.municipality);
    return [source.municipality];
  }
  if (source.project != null) {
    if (!projectExists) throw notFound('Project', source.project);
    return snapshot.groups.find((g) => g.kind === 'PROJECT' && g.id === source.project)?.members ?? [];
  }
  if (source.event != null) {
    const event = snapshot.groups.find((g) => g.kind === 'EVENT' && g.id === source.event);
    if (!event) throw notFound('Event', source.event);
    return event.members;
  }
  return [...new Set(snapshot.groups.filter((g) => g.kind === 'PROJECT' && g.programme === MODEL_PROJECTS_PROGRAMME).flatMap((g) => g.members))];
}

/** One computed reach; the GraphQL fields read from it. */
export class ReachResult {
  private summary?: ReturnType<typeof summarise>;
  constructor(
    readonly snapshot: Snapshot,
    readonly reached: Map<string, Reached>,
    readonly seeds: number,
    readonly maxHops: number,
    readonly linkKinds: ReachLinkKind[],
    readonly asOf: string | null,
    readonly includesGenerated: boolean,
  ) {}

  /** Cities abroad linked to a reached municipality, by slug. */
  partnersAbroad(): string[] {
    return [...new Set(this.snapshot.abroad.filter((l) => this.reached.has(l.ags) && this.kindCounted(l.kind)).map((l) => l.partner))].sort();
  }

  private kindCounted(kind: ReachLinkKind): boolean {
    return this.linkKinds.includes(kind);
  }

  get summed() {
    return (this.summary ??= summarise(this.snapshot, this.reached));
  }
  whiteSpots() {
    return whiteSpots(this.snapshot, this.reached);
  }
  whiteSpotStates() {
    return whiteSpotStates(this.snapshot, this.reached);
  }
}

export interface EventGrowthRecord {
  slug: string;
  date: string;
  before: number;
  after: number;
  added: number;
  populationAdded: number;
}

export interface ReachArgs {
  from: ReachSource;
  maxHops?: number | null;
  linkKinds?: ReachLinkKind[] | null;
  asOf?: string | null;
  includeGenerated?: boolean | null;
}

export function reachService(
  repo: ReachRepository,
  snapshots: ReachSnapshots,
  projectExists: (slug: string) => Promise<boolean>,
  logError: (error: unknown) => void,
) {
  async function prepare(args: ReachArgs) {
    const source = parse(sourceSchema, args.from, 'from');
    const maxHops = parse(hopsSchema, args.maxHops ?? 2, 'maxHops');
    const linkKinds = args.linkKinds?.length ? [...new Set(args.linkKinds)] : [...DEFAULT_LINK_KINDS];
    const exists = source.project != null ? await projectExists(source.project) : true;
    const snapshot = viewOf(await snapshots.get(repo), args.includeGenerated ?? false);
    return { snapshot, seeds: seedsOf(snapshot, source, exists), maxHops, linkKinds };
  }

  return {
    async reach(args: ReachArgs): Promise<ReachResult> {
      const { snapshot, seeds, maxHops, linkKinds } = await prepare(args);
      const asOf = args.asOf ?? today();
      const reached = reach(snapshot, { seeds, maxHops, kinds: new Set(linkKinds), asOf });
      return new ReachResult(snapshot, reached, seeds.length, maxHops, linkKinds, asOf, args.includeGenerated ?? false);
    },

    async network(args: { linkKinds?: ReachLinkKind[] | null; asOf?: string | null; includeGenerated?: boolean | null }): Promise<NetworkAnswer> {
      const linkKinds = args.linkKinds?.length ? [...new Set(args.linkKinds)] : [...DEFAULT_LINK_KINDS];
      return snapshots.network(repo, linkKinds, args.asOf ?? today(), args.includeGenerated ?? false, logError);
    },

    /**
     * For every event, oldest first (same day: by slug): Gemeinden reached
     * with everything up to its day except it and the day's later events, and
     * with it added. So each event is credited with what it alone added.
     */
    async growth(args: ReachArgs): Promise<EventGrowthRecord[]> {
      const { snapshot, seeds, maxHops, linkKinds } = await prepare(args);
      const kinds = new Set(linkKinds);
      const gemeinden = (asOf: string, skip: Set<string>) => summarise(snapshot, reach(snapshot, { seeds, maxHops, kinds, asOf, skip })).all;
      // Events after today are left out: they have not added anything yet.
      const events = snapshot.groups
        .filter((g) => g.kind === 'EVENT' && g.date !== null && g.date <= today())
        .sort((a, b) => a.date!.localeCompare(b.date!) || a.id.localeCompare(b.id));
      return events.map((event, i) => {
        const laterSameDay = events.slice(i + 1).filter((e) => e.date === event.date).map((e) => `EVENT:${e.id}`);
        const before = gemeinden(event.date!, new Set([...laterSameDay, `EVENT:${event.id}`]));
        const after = gemeinden(event.date!, new Set(laterSameDay));
        return {
          slug: event.id,
          date: event.date!,
          before: before.reached,
          after: after.reached,
          added: after.reached - before.reached,
          populationAdded: after.populationReached - before.populationReached,
        };
      });
    },
  };
}

