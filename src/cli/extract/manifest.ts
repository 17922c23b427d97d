import { closeSync } from 'node:fs';
import { join } from 'node:path';
import { decodeText } from './decode.js';
import { openRegular, readBounded } from './files.js';
import { publicationDate } from './published.js';
import { recordMeta, type DocMeta } from './record-meta.js';

/** The sidecar of a folder of plain-text or HTML files: one JSON object a line, `{ "file": "a/b.txt", "title", "outlet", "url", "published" }`. */
export const MANIFEST_NAME = 'manifest.jsonl';

/** The largest manifest read (a line a document: a million documents fit). */
const MANIFEST_LIMIT = 256 * 1024 * 1024;

/** What the manifest says of one file: its metadata and publication date. */
export interface ManifestEntry {
  readonly meta: DocMeta;
  readonly published?: string;
}

/** A folder's manifest: entries by file (as the folder's ids write them), and what in it could not be used. */
export interface Manifest {
  readonly entries: ReadonlyMap<string, ManifestEntry>;
  /** `[line, reason]`: a malformed line, a line without a file, a value that is not of its kind. */
  readonly problems: ReadonlyArray<readonly [number, string]>;
}

/**
 * Reads `manifest.jsonl` at the top of a folder given to extract, if there is one: the metadata
 * of the folder's files, which a plain-text file cannot carry itself. The fields are those
 * of a record (`title`, `outlet`, `url`, `published`); `file` is the path within the folder.
 */
export function readManifest(folder: string): Manifest | undefined {
  const opened = openRegular(join(folder, MANIFEST_NAME));
  if (!opened.ok) return undefined;
  if (opened.size > MANIFEST_LIMIT) {
    closeSync(opened.fd);
    return { entries: new Map(), problems: [[0, `over the size limit (${opened.size} bytes > ${MANIFEST_LIMIT} for a manifest)`]] };
  }
  let bytes: Uint8Array | undefined;
  try {
    bytes = readBounded(opened.fd, MANIFEST_LIMIT);
  } catch {
    bytes = undefined;
  }
  const decoded = bytes === undefined ? undefined : decodeText(bytes);
  if (decoded === undefined || !decoded.ok) return { entries: new Map(), problems: [[0, decoded === undefined ? 'unreadable' : decoded.reason === 'empty' ? 'empty file' : 'binary file (not text)']] };
  const entries = new Map<string, ManifestEntry>();
  const problems: Array<[number, string]> = [];
  decoded.text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim().length === 0) return;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch (err) {
      problems.push([i + 1, `malformed JSON: ${(err as Error).message}`]);
      return;
    }
    if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) return void problems.push([i + 1, 'not a JSON object']);
    const r = rec as Record<string, unknown>;
    if (typeof r.file !== 'string' || r.file.length === 0) return void problems.push([i + 1, 'no "file" (the path of a file in the folder)']);
    const file = r.file.replace(/^\.\//, '');
    if (entries.has(file)) problems.push([i + 1, `"file" ${JSON.stringify(file)} is listed again; this line replaces the earlier one`]);
    const { meta, problems: found } = recordMeta(r, { titleField: 'title', outletField: 'outlet', urlField: 'url' });
    for (const p of found) problems.push([i + 1, p]);
    const published = r.published === undefined || r.published === null ? undefined : publicationDate(r.published);
    if (r.published !== undefined && r.published !== null && published === undefined) problems.push([i + 1, `field "published" (${JSON.stringify(r.published).slice(0, 60)}) is not a date; ignored`]);
    entries.set(file, published === undefined ? { meta } : { meta, published });
  });
  return { entries, problems };
}
