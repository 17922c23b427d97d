import { MONTH_NUMBERS } from '../../lexicon/months.js';
import { WEEKDAY_ABBREVIATIONS, WEEKDAY_NAMES } from '../../lexicon/weekdays.js';
import type { Token } from '../../text/tokenize.js';
import type { NameSpan } from './name-span.js';
import { isCapitalised } from './token-text.js';

/** What stands between the items of a list ("Sky, the Telegraph, Sun and the Guardian"). */
const SEPARATORS = new Set([',', 'and', 'or']);
const MAX_ITEM = 3;
/** Months and weekdays, lower case without a full stop: a dateline's "N.Y., Sept. 26" is no list item. */
const DATE_WORDS = new Set([...Object.keys(MONTH_NUMBERS), ...WEEKDAY_NAMES, ...WEEKDAY_ABBREVIATIONS]);

interface Item {
  readonly first: number;
  readonly last: number;
  /** The span the tagger found there, if any. */
  readonly span?: NameSpan;
}

/** Sentence-initial: the first word of a line, or after a sentence's end. */
function initial(tokens: readonly Token[], i: number): boolean {
  return i === 0 || tokens[i]!.breaks > 0 || /^[.!?:;"\u201c\u201d(]$/.test(tokens[i - 1]!.text);
}

/**
 * "Sky, the Telegraph, Sun, Mail and the Guardian": in a list of three or more names on one
 * line, where the tagger found two or more and gave them all one kind, a capitalised item it
 * missed (one to three words) is a name of that kind. An item at a sentence's start is left
 * alone ("Yesterday, France and Germany"), and so are months, weekdays and an item before a
 * number (a dateline's "HEMPSTEAD, N.Y., Sept. 26").
 */
export function listItems(tokens: readonly Token[], spans: NameSpan[]): NameSpan[] {
  if (spans.length < 2) return spans;
  const spanAt = new Map<number, NameSpan>();
  for (const s of spans) spanAt.set(s.first, s);
  const added: NameSpan[] = [];
  let i = 0;
  while (i < tokens.length) {
    const items: Item[] = [];
    let j = i;
    for (;;) {
      if (items.length > 0) {
        // a separator, then an optional "the"
        let k = j;
        let sep = false;
        while (k < tokens.length && SEPARATORS.has(tokens[k]!.text) && tokens[k]!.breaks === 0) {
          sep = true;
          k++;
        }
        if (!sep) break;
        if (tokens[k]?.text === 'the' && tokens[k]!.breaks === 0) k++;
        j = k;
      }
      const item = itemAt(tokens, j, spanAt);
      if (!item || (items.length > 0 && tokens[item.first]!.breaks > 0)) break;
      items.push(item);
      j = item.last;
    }
    if (items.length >= 3) collect(tokens, items, added);
    i = items.length > 0 ? Math.max(i + 1, items[0]!.last) : i + 1;
  }
  if (added.length === 0) return spans;
  return [...spans, ...added].sort((a, b) => a.first - b.first);
}

function itemAt(tokens: readonly Token[], j: number, spanAt: ReadonlyMap<number, NameSpan>): Item | undefined {
  const span = spanAt.get(j);
  if (span) return { first: span.first, last: span.last, span };
  let last = j;
  while (last < tokens.length && last - j < MAX_ITEM && /^\p{Lu}[\p{L}.&-]*$/u.test(tokens[last]!.text) && (last === j || tokens[last]!.breaks === 0) && !spanAt.has(last)) last++;
  // an item ends at a separator or at the list's end, not inside a longer capitalised run
  if (last === j || isCapitalised(tokens[last])) return undefined;
  return { first: j, last };
}

function collect(tokens: readonly Token[], items: readonly Item[], added: NameSpan[]): void {
  const kinds = new Set<string>();
  let tagged = 0;
  for (const it of items) {
    if (!it.span) continue;
    kinds.add(it.span.kind);
    tagged++;
  }
  if (tagged < 2 || kinds.size !== 1) return;
  const kind = items.find((it) => it.span)!.span!.kind;
  for (const it of items) {
    if (it.span || initial(tokens, it.first) || /^\d/.test(tokens[it.last]?.text ?? '')) continue;
    if (DATE_WORDS.has(tokens[it.first]!.text.toLowerCase().replace(/\.$/, ''))) continue;
    added.push({ kind, first: it.first, last: it.last });
  }
}
