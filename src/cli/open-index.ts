import { openIndex, type IndexDb } from '../store/db.js';
import { QuotegraphIndexError } from '../store/errors.js';
import { escapeInline } from './terminal.js';
import { UsageError } from './usage.js';

/**
 * The index `--db` names, opened for a command: a path that is no index (a folder, a JSONL
 * file, an empty or foreign database) is a mistake in the command line, so its coded
 * message is a usage error (exit 2), never a stack trace.
 */
export function openIndexForCli(path: string, options: { readonly readonly?: boolean } = {}): IndexDb {
  try {
    return openIndex(path, options);
  } catch (err) {
    if (err instanceof QuotegraphIndexError) throw new UsageError(escapeInline(err.message));
    throw err;
  }
}
