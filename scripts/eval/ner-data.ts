/**
 * Readers of the named-entity corpora in ../shared/data (read in place, never copied):
 * CoNLL-2003 (IOB1 columns) and PolNeAR's CoreNLP entities. Each document becomes its
 * text and typed character spans (PER, LOC, ORG, MISC).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GoldSpan {
  readonly type: string;
  readonly start: number;
  readonly end: number;
}
export interface GoldDoc {
  readonly id: string;
  readonly text: string;
  readonly spans: GoldSpan[];
}

/**
 * CoNLL-2003: each document's tokens joined by single spaces, its sentences by "\n".
 * IOB1: an I-X continues the X before it; a B-X starts a new X right after another.
 */
export function loadConll(path: string): GoldDoc[] {
  const docs: GoldDoc[] = [];
  let text = '';
  let spans: GoldSpan[] = [];
  let sentenceOpen = false;
  let open: { type: string; start: number; end: number } | undefined;
  const close = (): void => {
    if (open) spans.push(open);
    open = undefined;
  };
  const finish = (): void => {
    close();
    if (text.trim().length > 0) docs.push({ id: `conll-${docs.length}`, text, spans });
    text = '';
    spans = [];
    sentenceOpen = false;
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      finish();
      continue;
    }
    if (line.trim() === '') {
      close();
      if (sentenceOpen) {
        text += '\n';
        sentenceOpen = false;
      }
      continue;
    }
    const cols = line.split(' ');
    const word = cols[0]!;
    const tag = cols[cols.length - 1]!;
    if (sentenceOpen) text += ' ';
    sentenceOpen = true;
    const start = text.length;
    text += word;
    const end = text.length;
    if (tag === 'O') {
      close();
      continue;
    }
    const [bio, type] = tag.split('-') as [string, string];
    if (bio === 'I' && open && open.type === type) open.end = end;
    else {
      close();
      open = { type, start, end };
    }
  }
  finish();
  return docs.map((d) => ({ ...d, text: d.text.replace(/\n$/, '') }));
}

const COREN_TYPES: Record<string, string> = { PERSON: 'PER', LOCATION: 'LOC', ORGANIZATION: 'ORG', MISC: 'MISC' };

/** PolNeAR articles with Stanford CoreNLP's PERSON/LOCATION/ORGANIZATION/MISC entities. */
export function loadPolnear(dir: string): GoldDoc[] {
  const docs: GoldDoc[] = [];
  for (const line of readFileSync(join(dir, 'corenlp-ner.jsonl'), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const rec = JSON.parse(line) as { id: string; entities: Array<{ type: string; start: number; end: number; text: string }> };
    const path = join(dir, 'text', `${rec.id}.txt`);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    const spans: GoldSpan[] = [];
    for (const e of rec.entities) {
      const type = COREN_TYPES[e.type];
      if (type === undefined || text.slice(e.start, e.end) !== e.text) continue;
      spans.push({ type, start: e.start, end: e.end });
    }
    docs.push({ id: rec.id, text, spans });
  }
  return docs;
}
