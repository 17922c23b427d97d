import type { IndexDb } from './db.js';
import { lastToken, nameKey, tokenCount } from './names.js';

/** Who spoke, as one document names them. */
export interface SpeakerName {
  readonly kind: string;
  /** The fullest name in the document. */
  readonly name: string;
  readonly aliases: readonly string[];
}

/**
 * The index-wide registry of speakers (not the quotes stage's `SpeakerResolver`, which reads
 * speakers in one document): finds or creates the speaker for a document's speaker, merging by name and
 * alias across documents:
 * - any full name or alias (two words or more for a person) already known → that speaker;
 * - a person named by one word only ("Lavrov") → the one person whose last name it is,
 *   when exactly one is known, else the speaker known by that word alone;
 * - a new full name whose last name a one-word speaker already carries, with no other
 *   full name sharing it → that speaker, who now gets the full name.
 */
export class SpeakerRegistry {
  private readonly byKey;
  private readonly bySurname;
  private readonly insertSpeaker;
  private readonly insertKey;
  private readonly insertSurname;
  private readonly renameSpeaker;
  private readonly speakerName;

  constructor(db: IndexDb) {
    this.byKey = db.prepare<[string, string], { speaker_id: number }>('SELECT speaker_id FROM speaker_keys WHERE kind = ? AND key = ?');
    this.bySurname = db.prepare<[string], { speaker_id: number }>('SELECT speaker_id FROM speaker_surnames WHERE surname = ? LIMIT 2');
    this.insertSpeaker = db.prepare<[string, string]>('INSERT INTO speakers (kind, name) VALUES (?, ?)');
    this.insertKey = db.prepare<[string, string, number]>('INSERT OR IGNORE INTO speaker_keys (kind, key, speaker_id) VALUES (?, ?, ?)');
    this.insertSurname = db.prepare<[string, number]>('INSERT OR IGNORE INTO speaker_surnames (surname, speaker_id) VALUES (?, ?)');
    this.renameSpeaker = db.prepare<[string, number]>('UPDATE speakers SET name = ? WHERE id = ?');
    this.speakerName = db.prepare<[number], { name: string }>('SELECT name FROM speakers WHERE id = ?');
  }

  resolve(speaker: SpeakerName): number | undefined {
    const person = speaker.kind === 'person';
    const names = [speaker.name, ...speaker.aliases].filter((n) => nameKey(n).length > 0);
    if (names.length === 0) return undefined;
    const keyed = names.map((n) => ({ name: n, key: nameKey(n) })).sort((a, b) => tokenCount(b.key) - tokenCount(a.key) || b.key.length - a.key.length);
    const full = person ? keyed.filter((k) => tokenCount(k.key) >= 2) : keyed;
    const best = keyed[0]!;

    let id: number | undefined;
    for (const { key } of full) {
      id = this.byKey.get(speaker.kind, key)?.speaker_id;
      if (id !== undefined) break;
    }
    if (id === undefined && person) {
      const surname = lastToken(best.key);
      const owners = this.bySurname.all(surname);
      const single = this.byKey.get('person', surname)?.speaker_id;
      if (full.length === 0) {
        id = owners.length === 1 ? owners[0]!.speaker_id : single;
      } else if (single !== undefined && owners.length === 0) {
        id = single;
      }
    }
    if (id === undefined) {
      id = Number(this.insertSpeaker.run(speaker.kind, best.name).lastInsertRowid);
    } else if (tokenCount(best.key) > tokenCount(nameKey(this.speakerName.get(id)?.name ?? ''))) {
      this.renameSpeaker.run(best.name, id);
    }
    for (const { key } of full) this.insertKey.run(speaker.kind, key, id);
    if (person) {
      if (full.length === 0) this.insertKey.run('person', best.key, id);
      for (const { key } of full) this.insertSurname.run(lastToken(key), id);
    }
    return id;
  }
}
