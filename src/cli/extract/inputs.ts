import { createReadStream, readFileSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { extname, join, normalize, relative, sep } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { glob, isDynamicPattern } from 'tinyglobby';
import { decodeText } from './decode.js';
import { uniqueIds } from './ids.js';
import { inShard, type Shard } from './shard.js';

/** How a file is read, by its extension. */
export type InputFormat = 'txt' | 'html' | 'json' | 'jsonl';

const FORMATS: Record<string, InputFormat> = { '.txt': 'txt', '.text': 'txt', '.html': 'html', '.htm': 'html', '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl' };

/** One input file (or standard input), with the id its graph will carry. */
export interface Source {
  /** File path, or `-` for standard input. */
  readonly path: string;
  /** How the file is named to the user: the path as given or as found. */
  readonly name: string;
  readonly id: string;
  /** Found in a folder or by a glob, rather than named on the command line. */
  readonly listed: boolean;
  readonly format: InputFormat;
  /** Size in bytes where known (for progress). */
  readonly size: number;
}

/** A finding about an input itself, written into its graph's diagnostics. */
export interface InputNote {
  readonly code: 'input-encoding' | 'input-published';
  readonly message: string;
}

/** A document to extract, or an input skipped with its reason. */
export type InputItem =
  | { readonly kind: 'doc'; readonly id: string; readonly text: string; readonly html: boolean; readonly published?: string; readonly notes: readonly InputNote[] }
  | {
      readonly kind: 'skip';
      /** The id the input would have had (what --shard partitions on). */
      readonly id: string;
      /** How the input is named to the user: a path, with a line or record number inside a file. */
      readonly name: string;
      readonly reason: string;
    };

export interface ReadSettings {
  readonly textField: string;
  readonly idField: string;
  readonly publishedField: string;
  readonly maxBytes: number;
  readonly stdinFormat: InputFormat;
  readonly shard?: Shard;
}

const toPosix = (p: string): string => (sep === '/' ? p : p.split(sep).join('/'));

/**
 * Lists the input files named on the command line, in a stable order: files as given,
 * folders walked recursively (sorted, hidden entries and unknown extensions left out),
 * globs expanded. A name that matches nothing is kept, so that reading it reports why.
 * Ids are unique in the run (see `uniqueIds`).
 */
export async function listSources(args: readonly string[], stdinFormat: InputFormat): Promise<Source[]> {
  const sources: Source[] = [];
  for (const arg of args) {
    if (arg === '-') {
      sources.push({ path: '-', name: '-', id: 'stdin', listed: false, format: stdinFormat, size: 0 });
      continue;
    }
    const st = statOrUndefined(arg);
    if (st?.isDirectory()) {
      walk(arg, arg, new Set(), sources);
    } else if (st === undefined && isDynamicPattern(arg)) {
      const found = (await glob(arg, { onlyFiles: true, dot: false, expandDirectories: false })).sort();
      if (found.length === 0) sources.push({ path: arg, name: arg, id: toPosix(arg), listed: false, format: formatOf(arg), size: 0 });
      for (const f of found) sources.push({ path: f, name: f, id: toPosix(normalize(f)), listed: true, format: formatOf(f), size: statOrUndefined(f)?.size ?? 0 });
    } else {
      sources.push({ path: arg, name: arg, id: toPosix(normalize(arg)), listed: false, format: formatOf(arg), size: st?.size ?? 0 });
    }
  }
  return uniqueIds(sources);
}

function formatOf(path: string): InputFormat {
  return FORMATS[extname(path).toLowerCase()] ?? 'txt';
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function walk(root: string, dir: string, seen: Set<string>, out: Source[]): void {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return;
  }
  if (seen.has(real)) return;
  seen.add(real);
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    // A symbolic link is followed; a broken one is listed so that it is reported as unreadable.
    const st = e.isSymbolicLink() ? statOrUndefined(path) : undefined;
    if (e.isDirectory() || st?.isDirectory()) {
      walk(root, path, seen, out);
    } else if (FORMATS[extname(e.name).toLowerCase()] !== undefined) {
      out.push({ path, name: path, id: toPosix(relative(root, path)), listed: true, format: formatOf(path), size: (st ?? statOrUndefined(path))?.size ?? 0 });
    }
  }
}

const skip = (id: string, reason: string, name = id): InputItem => ({ kind: 'skip', id, name, reason });

/**
 * Reads the sources one after another and yields their documents (a JSON file may
 * hold many) or the reason each bad input is skipped. Nothing is held beyond the
 * current file; a JSONL file is read a line at a time.
 */
export async function* readItems(sources: readonly Source[], settings: ReadSettings, stdin: NodeJS.ReadableStream = process.stdin): AsyncGenerator<InputItem> {
  const keep = (id: string): boolean => settings.shard === undefined || inShard(id, settings.shard);
  for (const source of sources) {
    if (source.format === 'jsonl') {
      yield* readJsonl(source, settings, keep, stdin);
      continue;
    }
    if (source.format !== 'json' && !keep(source.id)) continue;
    yield* fromBytes(source, await readBytes(source, settings.maxBytes, stdin), settings, keep);
  }
}

function* fromBytes(source: Source, bytes: Uint8Array | string, settings: ReadSettings, keep: (id: string) => boolean): Generator<InputItem> {
  if (typeof bytes === 'string') {
    if (keep(source.id)) yield skip(source.id, bytes);
    return;
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    if (keep(source.id)) yield skip(source.id, decoded.reason === 'empty' ? 'empty file' : 'binary file (not text)');
    return;
  }
  const notes: InputNote[] = decoded.note === undefined ? [] : [{ code: 'input-encoding', message: decoded.note }];
  if (source.format !== 'json') {
    yield { kind: 'doc', id: source.id, text: decoded.text, html: source.format === 'html', notes };
    return;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoded.text);
  } catch (err) {
    if (keep(source.id)) yield skip(source.id, `malformed JSON: ${(err as Error).message}`);
    return;
  }
  if (Array.isArray(parsed)) {
    for (let i = 0; i < parsed.length; i++) {
      const item = fromRecord(parsed[i], `${source.id}#${i}`, settings, notes);
      if (keep(item.id)) yield item;
    }
  } else {
    const item = fromRecord(parsed, source.id, settings, notes);
    if (keep(item.id)) yield item;
  }
}

/** The largest .json file read (V8 strings stop near 512 MB); bigger collections belong in .jsonl. */
const JSON_FILE_LIMIT = 400 * 1024 * 1024;

/** The bytes of a file, or why it can't be read. */
function readBytes(source: Source, maxBytes: number, stdin: NodeJS.ReadableStream): Uint8Array | string | Promise<Uint8Array | string> {
  if (source.path === '-') return readStream(stdin, maxBytes);
  try {
    const st = statSync(source.path);
    if (st.isDirectory()) return 'unreadable: is a folder';
    // --max-bytes is per document: a JSON file of many records may be larger, up to what a string can hold.
    const limit = source.format === 'json' ? Math.max(maxBytes, JSON_FILE_LIMIT) : maxBytes;
    if (st.size > limit) return `over the size limit (${st.size} bytes > ${limit === maxBytes ? `--max-bytes ${maxBytes}` : `${limit} bytes for a JSON file; use .jsonl`})`;
    return readFileSync(source.path);
  } catch (err) {
    return `unreadable: ${describeFsError(err)}`;
  }
}

async function readStream(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Uint8Array | string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += b.length;
    if (size > maxBytes) return `over the size limit (more than --max-bytes ${maxBytes})`;
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

export function describeFsError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT': return 'no such file (or a broken link)';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a folder';
    default: return e.message ?? String(err);
  }
}

async function* readJsonl(source: Source, settings: ReadSettings, keep: (id: string) => boolean, stdin: NodeJS.ReadableStream): AsyncGenerator<InputItem> {
  let stream: NodeJS.ReadableStream;
  if (source.path === '-') {
    stream = stdin;
  } else {
    try {
      const st = statSync(source.path);
      if (st.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
      stream = createReadStream(source.path, { encoding: 'utf8' });
    } catch (err) {
      if (keep(source.id)) yield skip(source.id, `unreadable: ${describeFsError(err)}`);
      return;
    }
  }
  let lineNo = 0;
  let records = 0;
  try {
    for await (const raw of linesOf(stream)) {
      lineNo++;
      const line = lineNo === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
      if (line.trim().length === 0) continue;
      records++;
      const fallbackId = `${source.id}:${lineNo}`;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch (err) {
        if (keep(fallbackId)) yield skip(fallbackId, `malformed JSON: ${(err as Error).message}`);
        continue;
      }
      const item = fromRecord(parsed, fallbackId, settings, []);
      if (keep(item.id)) yield item;
    }
  } catch (err) {
    if (keep(source.id)) yield skip(source.id, `unreadable: ${describeFsError(err)}`);
    return;
  }
  if (records === 0 && keep(source.id)) yield skip(source.id, 'empty file');
}

/**
 * The lines of a stream (ended by LF, CRLF or a lone CR, as readline reads them), read a
 * chunk at a time as they are asked for. readline's own iterator reads ahead up to 1024
 * lines; on a JSONL corpus those wait long enough to be promoted to the old generation, and
 * the main thread's heap grew with the corpus (to 60 MB used on 3360 PolNeAR records).
 */
export async function* linesOf(stream: NodeJS.ReadableStream): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  // The start of the current line, in pieces when it spans chunks.
  const pending: string[] = [];
  // A CR that ended the previous chunk: a line break, and an LF right after it belongs to it.
  let afterCr = false;
  for await (const chunk of stream as AsyncIterable<string | Buffer>) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let start = afterCr && text.charCodeAt(0) === 10 ? 1 : 0;
    afterCr = false;
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      const piece = text.slice(start, i);
      if (pending.length > 0) {
        pending.push(piece);
        yield pending.join('');
        pending.length = 0;
      } else {
        yield piece;
      }
      if (c === 13) {
        if (i + 1 === text.length) afterCr = true;
        else if (text.charCodeAt(i + 1) === 10) i++;
      }
      start = i + 1;
    }
    if (start < text.length) pending.push(text.slice(start));
  }
  const tail = decoder.end();
  if (tail.length > 0) pending.push(tail);
  if (pending.length > 0) yield pending.join('');
}

/**
 * A JSON record as a document: its text, id and publication date from the configured
 * fields. `place` names the record in its file (`file.jsonl:12`, `file.json#3`) and is
 * its id when it has none.
 */
function fromRecord(rec: unknown, place: string, settings: ReadSettings, notes: readonly InputNote[]): InputItem {
  if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) return skip(place, 'not a JSON object');
  const r = rec as Record<string, unknown>;
  const rawId = r[settings.idField];
  const id = typeof rawId === 'string' && rawId.length > 0 ? rawId : typeof rawId === 'number' ? String(rawId) : place;
  const name = id === place ? place : `${place} (id ${id})`;
  const text = r[settings.textField];
  if (typeof text !== 'string' || text.trim().length === 0) return skip(id, `no text in field "${settings.textField}"`, name);
  const size = Buffer.byteLength(text);
  if (size > settings.maxBytes) return skip(id, `over the size limit (${size} bytes > --max-bytes ${settings.maxBytes})`, name);
  const docNotes = [...notes];
  const rawPublished = r[settings.publishedField];
  const published = rawPublished === undefined || rawPublished === null ? undefined : publicationDate(rawPublished);
  if (rawPublished !== undefined && rawPublished !== null && published === undefined) {
    docNotes.push({ code: 'input-published', message: `field "${settings.publishedField}" (${JSON.stringify(rawPublished).slice(0, 60)}) is not a date; ignored` });
  }
  const looksHtml = /^\s*</.test(text) && /<\/(?:p|div|body|html|article)>/i.test(text.slice(0, 65536));
  return published === undefined
    ? { kind: 'doc', id, text, html: looksHtml, notes: docNotes }
    : { kind: 'doc', id, text, html: looksHtml, published, notes: docNotes };
}

/** A publication date as the ISO 8601 that `extract()` takes, or undefined. */
export function publicationDate(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) {
    // Unix seconds or milliseconds.
    const d = new Date(v < 1e11 ? v * 1000 : v);
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
  }
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return Number.isNaN(Date.parse(`${s}T00:00:00Z`)) ? undefined : s;
  if (/^\d{4}-\d{2}-\d{2}[T ]\d/.test(s) && !Number.isNaN(Date.parse(s.replace(' ', 'T')))) return s.replace(' ', 'T');
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}
