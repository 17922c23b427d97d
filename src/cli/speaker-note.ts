import type { IndexDb } from '../store/db.js';
import type { QuoteFilter } from '../store/quote-filter.js';
import { speakersNamed } from '../store/quote-filter.js';
import { escapeInline } from './terminal.js';

/** The most speakers a shared name lists on the terminal. */
const MAX_LISTED = 10;

/**
 * What a command says when its --speaker names several speakers (two people share the last
 * name "Clinton"): that it takes the quotes of all of them, and who they are with their ids,
 * so that --speaker-id or a full name can pick one. Undefined when the name is one speaker's.
 */
export function sharedSpeakerNote(db: IndexDb, filter: QuoteFilter): string | undefined {
  if (filter.speaker === undefined || filter.speakerId !== undefined) return undefined;
  const named = speakersNamed(db, filter.speaker);
  if (named.length < 2) return undefined;
  const lines = named.slice(0, MAX_LISTED).map((s) => `  ${escapeInline(s.name)}: ${s.quotes} quote${s.quotes === 1 ? '' : 's'}, --speaker-id ${s.id}`);
  if (named.length > MAX_LISTED) lines.push(`  … and ${named.length - MAX_LISTED} more`);
  return `quotegraph: --speaker ${escapeInline(JSON.stringify(filter.speaker))} matches ${named.length} speakers; showing the quotes of all of them (give --speaker-id N or a full name for one):\n${lines.join('\n')}\n`;
}
