import { closeSync, createReadStream, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { extname, join, normalize, relative, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { decodeText } from './decode.js';
import { describeFsError, nameOf, openRegular, readBounded } from './files.js';
import { uniqueIds } from './ids.js';
import { readJsonlLines } from './lines.js';
import type { InputFormat, Source } from './source.js';
import { inShard, type Shard } from './shard.js';
import { publicationDate } from './published.js';
import { MANIFEST_NAME, readManifest } from './manifest.js';
import { hasMeta, recordMeta, type DocMeta, type MetaFields } from './record-meta.js';

export type { InputFormat, Source } from './source.js';
export { describeFsError } from './files.js';
export { publicationDate } from './published.js';

const FORMATS: Record<string, InputFormat> = { '.txt': 'txt', '.text': 'txt', '.html': 'html', '.htm': 'html', '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl' };

/** A finding about an input itself, written into its graph's diagnostics. */
export interface InputNote {
  readonly code: 'input-encoding' | 'input-published' | 'input-field';
  readonly message: string;
}

/** A document to extract, or an input skipped with its reason. */
export type InputItem =
  | { readonly kind: 'doc'; readonly id: string; readonly text: string; readonly html: boolean; readonly published?: string; readonly meta?: DocMeta; readonly notes: readonly InputNote[] }
  | {
      readonly kind: 'skip';
      /** The id the input would have had (what --shard partitions on). */
      readonly id: string;
      /** How the input is named to the user: a path, with a line or record number inside a file. */
      readonly name: string;
      readonly reason: string;
    }
  /** A finding about an input that loses nothing (blank JSONL lines), for standard error. */
  | { readonly kind: 'note'; readonly name: string; readonly message: string };

export interface ReadSettings extends MetaFields {
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
      const found: Source[] = [];
      walk(arg, arg, arg, new Set(), found);
      sources.push(...withManifest(arg, found));
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

/**
 * A folder's files with what its manifest (manifest.jsonl at its top) says of each; each
 * line of the manifest that cannot be used, or names no file of the folder, is a note.
 */
function withManifest(folder: string, found: Source[]): Source[] {
  const manifest = readManifest(folder);
  if (manifest === undefined) return found;
  const name = join(folder, MANIFEST_NAME);
  const ids = new Set(found.map((s) => s.id));
  const problem = (line: number, reason: string): Source => ({ path: name, name: line === 0 ? name : `${name} line ${line}`, id: MANIFEST_NAME, listed: true, format: 'jsonl', size: 0, note: reason });
  const out: Source[] = manifest.problems.map(([line, reason]) => problem(line, reason));
  for (const [file] of manifest.entries) if (!ids.has(file)) out.push({ ...problem(0, ''), note: `names ${JSON.stringify(file)}, which is no file of the folder` });
  for (const s of found) {
    const entry = manifest.entries.get(s.id);
    out.push(entry === undefined ? s : { ...s, ...(hasMeta(entry.meta) ? { meta: entry.meta } : {}), ...(entry.published !== undefined ? { published: entry.published } : {}) });
  }
  return out;
}

function formatOf(path: string): InputFormat {
  return FORMATS[extname(path).toLowerCase()] ?? 'txt';
}

function statOrUndefined(path: string | Buffer): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Lists the files of a folder and its sub-folders. Names are read as bytes, so that a name
 * that is not valid UTF-8 is still opened by its bytes (and shown with `\\xNN` for the bytes
 * that are not). A folder that cannot be read is listed with the reason, to be reported.
 */
function walk(root: string, dir: string | Buffer, dirName: string, seen: Set<string>, out: Source[]): void {
  const problem = (reason: string): void => {
    out.push({ path: dir, name: dirName, id: toPosix(relative(root, dirName)) || toPosix(normalize(dirName)), listed: true, format: 'txt', size: 0, problem: `unreadable folder: ${reason}` });
  };
  let entries: Array<{ name: string; bytes: Buffer; isDirectory: boolean; isLink: boolean }>;
  try {
    const real = realpathSync.native(dir, { encoding: 'buffer' }).toString('latin1');
    if (seen.has(real)) return;
    seen.add(real);
    entries = readdirSync(dir, { withFileTypes: true, encoding: 'buffer' })
      .map((e) => ({ name: nameOf(e.name), bytes: e.name, isDirectory: e.isDirectory(), isLink: e.isSymbolicLink() }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (err) {
    problem(describeFsError(err));
    return;
  }
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    // the folder's sidecar of metadata (withManifest), not a document
    if (dir === root && e.name === MANIFEST_NAME) continue;
    const name = join(dirName, e.name);
    // A name that is not valid UTF-8 is opened by its bytes, and so is everything under it.
    const path = typeof dir === 'string' && Buffer.from(e.name).equals(e.bytes) ? join(dir, e.name) : Buffer.concat([Buffer.from(dir), Buffer.from(sep), e.bytes]);
    // A symbolic link is followed; a broken one is listed so that it is reported as unreadable.
    const st = e.isLink ? statOrUndefined(path) : undefined;
    if (e.isDirectory || st?.isDirectory()) {
      walk(root, path, name, seen, out);
    } else if (FORMATS[extname(e.name).toLowerCase()] !== undefined) {
      out.push({ path, name, id: toPosix(relative(root, name)), listed: true, format: formatOf(name), size: (st ?? statOrUndefined(path))?.size ?? 0 });
    }
  }
}

/** A document, or an input skipped: what one record or file gives. */
type DocOrSkip = Exclude<InputItem, { kind: 'note' }>;

const skip = (id: string, reason: string, name = id): DocOrSkip => ({ kind: 'skip', id, name, reason });

/**
 * Reads the sources one after another and yields their documents (a JSON file may
 * hold many) or the reason each bad input is skipped. Nothing is held beyond the
 * current file; a JSONL file is read a line at a time.
 */
export async function* readItems(sources: readonly Source[], settings: ReadSettings, stdin: NodeJS.ReadableStream = process.stdin): AsyncGenerator<InputItem> {
  const keep = (id: string): boolean => settings.shard === undefined || inShard(id, settings.shard);
  for (const source of sources) {
    if (source.problem !== undefined) {
      if (keep(source.id)) yield skip(source.id, source.problem);
      continue;
    }
    if (source.note !== undefined) {
      yield { kind: 'note', name: source.name, message: source.note };
      continue;
    }
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
    yield { kind: 'doc', id: source.id, text: decoded.text, html: source.format === 'html', notes, ...(source.published !== undefined ? { published: source.published } : {}), ...(source.meta !== undefined ? { meta: source.meta } : {}) };
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
    for (let i = source.range?.from ?? 0; i < Math.min(parsed.length, source.range?.to ?? parsed.length); i++) {
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
  const opened = openRegular(source.path);
  if (!opened.ok) return opened.reason;
  // --max-bytes is per document: a JSON file of many records may be larger, up to what a string can hold.
  const limit = source.format === 'json' ? Math.max(maxBytes, JSON_FILE_LIMIT) : maxBytes;
  const over = (size: string): string => `over the size limit (${size} > ${limit === maxBytes ? `--max-bytes ${maxBytes}` : `${limit} bytes for a JSON file; use .jsonl`})`;
  if (opened.size > limit) {
    closeSync(opened.fd);
    return over(`${opened.size} bytes`);
  }
  try {
    return readBounded(opened.fd, limit) ?? over('more bytes than it had when opened');
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

async function* readJsonl(source: Source, settings: ReadSettings, keep: (id: string) => boolean, stdin: NodeJS.ReadableStream): AsyncGenerator<InputItem> {
  let stream: NodeJS.ReadableStream;
  if (source.path === '-') {
    stream = stdin;
  } else {
    const opened = openRegular(source.path);
    if (!opened.ok) {
      if (keep(source.id)) yield skip(source.id, opened.reason);
      return;
    }
    stream = createReadStream('', { fd: opened.fd, highWaterMark: 1 << 16 });
  }
  let records = 0;
  const blank: number[] = [];
  try {
    const start = await readJsonlLines(stream as AsyncIterable<string | Buffer>, settings.maxBytes);
    if (start.binary) {
      if (keep(source.id)) yield skip(source.id, 'binary file (not text)');
      return;
    }
    for await (const line of start.lines) {
      if (source.range !== undefined && (line.number < source.range.from || line.number >= source.range.to)) {
        if (line.number >= source.range.to) break;
        continue;
      }
      const place = `${source.id}:${line.number}`;
      if (line.kind === 'long') {
        records++;
        if (keep(place)) yield skip(place, `over the size limit (a line of ${line.size} bytes > --max-bytes ${settings.maxBytes}, which applies to each JSONL line as it is read; the line was passed over unread)`);
        continue;
      }
      if (line.text.trim().length === 0) {
        blank.push(line.number);
        continue;
      }
      records++;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line.text);
      } catch (err) {
        if (keep(place)) yield skip(place, `malformed JSON: ${(err as Error).message}`);
        continue;
      }
      const item = fromRecord(parsed, place, settings, line.note === undefined ? [] : [{ code: 'input-encoding', message: line.note }]);
      if (keep(item.id)) yield item;
    }
  } catch (err) {
    if (keep(source.id)) yield skip(source.id, `unreadable: ${describeFsError(err)}`);
    return;
  } finally {
    if (source.path !== '-') (stream as ReturnType<typeof createReadStream>).destroy();
  }
  if (records === 0) {
    // a part of a file with no record is no empty file (the part may be past its end)
    if (keep(source.id) && source.range === undefined) yield skip(source.id, 'empty file');
  } else if (blank.length > 0 && keep(source.id)) {
    yield { kind: 'note', name: source.id, message: `${blank.length} blank line${blank.length === 1 ? '' : 's'} passed over (line${blank.length === 1 ? '' : 's'} ${listed(blank)})` };
  }
}

/** Numbers for a message: the first ten, then how many more. */
const listed = (ns: readonly number[]): string => (ns.length <= 10 ? ns.join(', ') : `${ns.slice(0, 10).join(', ')} and ${ns.length - 10} more`);

/**
 * A JSON record as a document: its text, id and publication date from the configured
 * fields. `place` names the record in its file (`file.jsonl:12`, `file.json#3`) and is
 * its id when it has none.
 */
function fromRecord(rec: unknown, place: string, settings: ReadSettings, notes: readonly InputNote[]): DocOrSkip {
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
  const { meta, problems } = recordMeta(r, settings);
  for (const message of problems) docNotes.push({ code: 'input-field', message });
  const looksHtml = /^\s*</.test(text) && /<\/(?:p|div|body|html|article)>/i.test(text.slice(0, 65536));
  return { kind: 'doc', id, text, html: looksHtml, notes: docNotes, ...(published !== undefined ? { published } : {}), ...(hasMeta(meta) ? { meta } : {}) };
}
