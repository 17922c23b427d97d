import { COPIES } from '../indexer.js';
import { mergeSpeakers } from '../speaker-merge.js';
import type { PgDb } from './connect.js';

/** What one merge did: nothing when no document was written since the last, else how many rows it changed. */
export interface MergeResult {
  readonly merged: boolean;
  /** Documents written since the last merge. */
  readonly newDocuments: number;
  readonly speakers: number;
  /** Speaker rows added, changed or removed; entities and quotes whose speaker changed; copies rows changed. */
  readonly changed: { speakers: number; entities: number; quotes: number; copies: number };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const compareRefs = (a: { doc: string; local: string }, b: { doc: string; local: string }): number => compare(a.doc, b.doc) || compare(a.local, b.local);

/** SQLite's lower(): ASCII letters only, so that roles group as in the SQLite index. */
const asciiLower = (s: string): string => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

/**
 * The deterministic speaker merge of the SQLite index (`mergeSpeakers`, as `rebuildSpeakers`
 * runs it) over the shared database, as a step of its own (`quotegraph merge-speakers`):
 * the same documents give the same speakers, numbered the same, as `quotegraph index` gives
 * them. Incremental: it does nothing when no document was written since the last merge;
 * otherwise the clusters are computed again from every speaking entity (they depend on the
 * whole set: a new full name can claim a last name) and only the rows that differ are
 * written. One transaction (repeatable read), retried when a worker's write conflicts.
 */
export async function mergePgSpeakers(db: PgDb, options: { readonly force?: boolean } = {}): Promise<MergeResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await mergeOnce(db, options.force === true);
    } catch (err) {
      // 40001: serialization failure, 40P01: deadlock (a worker wrote a document the merge reads)
      const code = (err as { code?: unknown }).code;
      if ((code === '40001' || code === '40P01') && attempt < 5) continue;
      throw err;
    }
  }
}

async function mergeOnce(db: PgDb, force: boolean): Promise<MergeResult> {
  const client = await db.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    // one merge at a time (a second waits for the first, then finds little or nothing to do)
    await client.query('SELECT pg_advisory_xact_lock($1)', [0x6d657267]);
    const state = await client.query('SELECT 1 FROM merge_state');
    // the documents written since the last merge (in this snapshot: those committed later wait for the next)
    const newDocuments = (await client.query('UPDATE documents SET merged = TRUE WHERE NOT merged')).rowCount ?? 0;
    if (newDocuments === 0 && !force && state.rows.length > 0) {
      await client.query('COMMIT');
      const n = await db.query<{ n: string }>('SELECT COUNT(*) AS n FROM speakers');
      return { merged: false, newDocuments: 0, speakers: Number(n.rows[0]!.n), changed: { speakers: 0, entities: 0, quotes: 0, copies: 0 } };
    }

    const records = await client.query<{ doc_id: string; local_id: string; kind: string; name: string; aliases: string; roles: string }>(
      `SELECT e.doc_id, e.local_id, e.kind, e.name, e.aliases, e.roles FROM entities e
       WHERE EXISTS (SELECT 1 FROM quotes q WHERE q.doc_id = e.doc_id AND q.entity = e.local_id)`,
    );
    const clusters = mergeSpeakers(records.rows.map((r) => ({ kind: r.kind, name: r.name, aliases: JSON.parse(r.aliases) as string[], ref: { doc: r.doc_id, local: r.local_id, roles: r.roles } })), compareRefs);

    // What the speaker tables should hold, as the SQLite index's rebuild writes them.
    const speakerOf = new Map<string, number>();
    const keys = new Map<string, { kind: string; key: string; id: number }>();
    const surnames = new Set<string>();
    const want: Array<{ id: number; kind: string; name: string; roles: string }> = [];
    clusters.forEach((c, i) => {
      const id = i + 1;
      // the roles the speaker's entities give, the most often first (then in code-unit order)
      const counts = new Map<string, number>();
      for (const m of c.members) {
        speakerOf.set(`${m.doc}\u0000${m.local}`, id);
        for (const role of JSON.parse(m.roles) as string[]) counts.set(asciiLower(role), (counts.get(asciiLower(role)) ?? 0) + 1);
      }
      const roles = [...counts].sort(([a, na], [b, nb]) => nb - na || compare(a, b)).map(([r]) => r);
      want.push({ id, kind: c.kind, name: c.name, roles: JSON.stringify(roles) });
      for (const k of c.keys) if (!keys.has(`${c.kind}\u0000${k}`)) keys.set(`${c.kind}\u0000${k}`, { kind: c.kind, key: k, id });
      for (const s of c.surnames) surnames.add(`${s}\u0000${id}`);
    });

    await client.query(`CREATE TEMP TABLE want_speakers (id INTEGER PRIMARY KEY, kind TEXT, name TEXT, roles TEXT) ON COMMIT DROP;
      CREATE TEMP TABLE want_keys (kind TEXT, key TEXT, speaker_id INTEGER, PRIMARY KEY (kind, key)) ON COMMIT DROP;
      CREATE TEMP TABLE want_surnames (surname TEXT, speaker_id INTEGER, PRIMARY KEY (surname, speaker_id)) ON COMMIT DROP;
      CREATE TEMP TABLE want_entities (doc_id TEXT, local_id TEXT, speaker_id INTEGER, PRIMARY KEY (doc_id, local_id)) ON COMMIT DROP;`);
    await client.query('INSERT INTO want_speakers SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[])', [want.map((w) => w.id), want.map((w) => w.kind), want.map((w) => w.name), want.map((w) => w.roles)]);
    const kv = [...keys.values()];
    await client.query('INSERT INTO want_keys SELECT * FROM unnest($1::text[], $2::text[], $3::int[])', [kv.map((k) => k.kind), kv.map((k) => k.key), kv.map((k) => k.id)]);
    const sv = [...surnames].map((s) => s.split('\u0000') as [string, string]);
    await client.query('INSERT INTO want_surnames SELECT * FROM unnest($1::text[], $2::int[])', [sv.map((s) => s[0]), sv.map((s) => Number(s[1]))]);
    const ev = [...speakerOf].map(([k, id]) => [...(k.split('\u0000') as [string, string]), id] as const);
    await client.query('INSERT INTO want_entities SELECT * FROM unnest($1::text[], $2::text[], $3::int[])', [ev.map((e) => e[0]), ev.map((e) => e[1]), ev.map((e) => e[2])]);

    // Only the rows that differ are written.
    const speakers = (await client.query(`INSERT INTO speakers (id, kind, name, roles) SELECT id, kind, name, roles FROM want_speakers w
        WHERE NOT EXISTS (SELECT 1 FROM speakers s WHERE s.id = w.id AND s.kind = w.kind AND s.name = w.name AND s.roles = w.roles)
        ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, roles = EXCLUDED.roles`)).rowCount ?? 0;
    const gone = (await client.query('DELETE FROM speakers s WHERE NOT EXISTS (SELECT 1 FROM want_speakers w WHERE w.id = s.id)')).rowCount ?? 0;
    await client.query(`DELETE FROM speaker_keys k WHERE NOT EXISTS (SELECT 1 FROM want_keys w WHERE w.kind = k.kind AND w.key = k.key AND w.speaker_id = k.speaker_id);
      INSERT INTO speaker_keys SELECT * FROM want_keys ON CONFLICT (kind, key) DO UPDATE SET speaker_id = EXCLUDED.speaker_id WHERE speaker_keys.speaker_id <> EXCLUDED.speaker_id;
      DELETE FROM speaker_surnames s WHERE NOT EXISTS (SELECT 1 FROM want_surnames w WHERE w.surname = s.surname AND w.speaker_id = s.speaker_id);
      INSERT INTO speaker_surnames SELECT * FROM want_surnames ON CONFLICT DO NOTHING;`);
    const entities = ((await client.query(`UPDATE entities e SET speaker_id = w.speaker_id FROM want_entities w
        WHERE e.doc_id = w.doc_id AND e.local_id = w.local_id AND e.speaker_id IS DISTINCT FROM w.speaker_id`)).rowCount ?? 0)
      + ((await client.query(`UPDATE entities e SET speaker_id = NULL WHERE speaker_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM want_entities w WHERE w.doc_id = e.doc_id AND w.local_id = e.local_id)`)).rowCount ?? 0);
    const quotes = ((await client.query(`UPDATE quotes q SET speaker_id = e.speaker_id FROM entities e
        WHERE q.entity IS NOT NULL AND e.doc_id = q.doc_id AND e.local_id = q.entity AND q.speaker_id IS DISTINCT FROM e.speaker_id`)).rowCount ?? 0)
      + ((await client.query(`UPDATE quotes q SET speaker_id = NULL WHERE speaker_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.doc_id = q.doc_id AND e.local_id = q.entity AND e.speaker_id IS NOT NULL)`)).rowCount ?? 0);

    // Syndicated copies, as the SQLite index groups them; ties of date go to the first document (by id) and the first quote in it.
    const copies = `SELECT id AS quote_id, ROW_NUMBER() OVER (${COPIES} ORDER BY date IS NULL, date COLLATE "C", doc_id COLLATE "C", start, id) = 1 AS first,
        COUNT(*) OVER (${COPIES}) AS occurrences FROM quotes`;
    const copied = ((await client.query(`INSERT INTO quote_copies (quote_id, first, occurrences) SELECT * FROM (${copies}) c
        ON CONFLICT (quote_id) DO UPDATE SET first = EXCLUDED.first, occurrences = EXCLUDED.occurrences
        WHERE quote_copies.first <> EXCLUDED.first OR quote_copies.occurrences <> EXCLUDED.occurrences`)).rowCount ?? 0);
    await client.query(`INSERT INTO merge_state (one, merged_at) VALUES (TRUE, $1)
      ON CONFLICT (one) DO UPDATE SET merged_at = EXCLUDED.merged_at`, [new Date().toISOString()]);
    await client.query('COMMIT');
    return { merged: true, newDocuments, speakers: want.length, changed: { speakers: speakers + gone, entities, quotes, copies: copied } };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
