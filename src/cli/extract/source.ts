import type { DocMeta } from './record-meta.js';

/** How a file is read, by its extension. */
export type InputFormat = 'txt' | 'html' | 'json' | 'jsonl';

/** One input file (or standard input), with the id its graph will carry. */
export interface Source {
  /** File path (raw bytes where the name is not valid UTF-8), or `-` for standard input. */
  readonly path: string | Buffer;
  /** How the file is named to the user: the path as given or as found. */
  readonly name: string;
  readonly id: string;
  /** Found in a folder or by a glob, rather than named on the command line. */
  readonly listed: boolean;
  readonly format: InputFormat;
  /** Size in bytes where known (for progress). */
  readonly size: number;
  /** Why it cannot be read, found while listing (an unreadable folder): reported, never read. */
  readonly problem?: string;
  /** A finding that loses no document (a line of a folder's manifest that cannot be used): said, never read. */
  readonly note?: string;
  /** What the folder's manifest says of the file (title, outlet, url) and its publication date. */
  readonly meta?: DocMeta;
  readonly published?: string;
  /** Only these records of the file (a queue job's part of it): JSONL line numbers from 1, or JSON array indexes from 0; `to` excluded. */
  readonly range?: { readonly from: number; readonly to: number };
}
