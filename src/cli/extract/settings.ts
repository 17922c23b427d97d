import { UsageError, parseSize } from '../usage.js';
import { publicationDate, type InputFormat, type InputItem, type ReadSettings } from './inputs.js';
import type { ExtractTask } from './task.js';
import { shardFrom } from './shard.js';

/**
 * How inputs are read, from the command line: the options `extract` and `enqueue` share
 * (the same input grammar for one machine and for a queue of many).
 */
export const READ_FLAGS = ['shard', 'text-field', 'id-field', 'published-field', 'title-field', 'outlet-field', 'url-field', 'published', 'max-bytes', 'stdin-format'] as const;

const STDIN_FORMATS: readonly InputFormat[] = ['txt', 'html', 'json', 'jsonl'];
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** The read settings and the publication date of plain-text inputs the options give; usage errors for malformed values. */
export function readSettings(options: Record<string, string | boolean>): { settings: ReadSettings; published: string | undefined } {
  const shard = options.shard === undefined ? undefined : shardFrom(String(options.shard));
  if (typeof shard === 'string') throw new UsageError(shard);
  const stdinFormat = (options['stdin-format'] ?? 'txt') as InputFormat;
  if (!STDIN_FORMATS.includes(stdinFormat)) throw new UsageError(`--stdin-format is one of ${STDIN_FORMATS.join(', ')}`);
  const str = (name: string, fallback: string): string => (typeof options[name] === 'string' ? (options[name] as string) : fallback);
  const settings: ReadSettings = {
    textField: str('text-field', 'text'),
    idField: str('id-field', 'id'),
    publishedField: str('published-field', 'published'),
    titleField: str('title-field', 'title'),
    outletField: str('outlet-field', 'outlet'),
    urlField: str('url-field', 'url'),
    maxBytes: options['max-bytes'] === undefined ? DEFAULT_MAX_BYTES : parseSize(options['max-bytes'], '--max-bytes'),
    stdinFormat,
    ...(shard ? { shard } : {}),
  };
  const published = typeof options.published === 'string' ? publicationDate(options.published) : undefined;
  if (options.published !== undefined && published === undefined) throw new UsageError(`--published takes a date such as 2025-11-26, not "${String(options.published)}"`);
  return { settings, published };
}

/** The task a document item of `readItems` gives the runner (`published`: the date of every plain-text input). */
export function taskFor(item: Extract<InputItem, { kind: 'doc' }>, published: string | undefined): ExtractTask {
  const date = item.published ?? published;
  return { id: item.id, text: item.text, html: item.html, notes: item.notes, ...(date === undefined ? {} : { published: date }), ...(item.meta === undefined ? {} : { meta: item.meta }) };
}
