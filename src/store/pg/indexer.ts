import type { AnnotationGraph } from '../../graph/types.js';
import { BATCH_SIZE } from '../indexer.js';
import type { PgDb } from './connect.js';
import { mergePgSpeakers } from './merge.js';
import { writeGraphs } from './write.js';

/**
 * `quotegraph index --db postgres://…`: graphs into the shared index, as `Indexer` writes
 * them into a SQLite file — a transaction a batch, a document given again replacing the old
 * one — then the speaker merge, as `index` runs it at its end.
 */
export class PgIndexer {
  private batch: Array<AnnotationGraph & { readonly id: string }> = [];
  private readonly sourceOf = new Map<string, string>();
  private readonly quotesOf = new Map<string, number>();
  indexed = 0;
  quotes = 0;

  constructor(private readonly db: PgDb) {}

  /** Queues a graph; returns the source of the graph of this run it replaces, if any. Call `ready` after. */
  add(graph: AnnotationGraph & { readonly id: string }, source: string = graph.id): string | undefined {
    const replaced = this.sourceOf.get(graph.id);
    this.sourceOf.set(graph.id, source);
    if (replaced === undefined) this.indexed++;
    const n = graph.nodes.filter((x) => x.type === 'quote').length;
    this.quotes += n - (this.quotesOf.get(graph.id) ?? 0);
    this.quotesOf.set(graph.id, n);
    this.batch.push(graph);
    return replaced;
  }

  /** Writes a batch once one is full. */
  async ready(): Promise<void> {
    if (this.batch.length >= BATCH_SIZE) await this.flush();
  }

  async flush(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    if (batch.length > 0) await writeGraphs(this.db, batch);
  }

  /** Writes what is queued and merges the speakers. */
  async finish(): Promise<void> {
    await this.flush();
    await mergePgSpeakers(this.db);
  }
}
