import outlets from '../../lexicon/outlets.json';
import pageLines from '../../lexicon/page-lines.json';
import { trimEnd } from './trim.js';

const OUTLETS = new Map<string, string>(outlets.outlets.map((o) => [fold(o), o]));
const BOILERPLATE = new Set(pageLines.boilerplateLines);
const BOILERPLATE_PREFIXES = pageLines.boilerplatePrefixes;
const DATELINE_STOPWORDS = new Set(pageLines.datelineStopwords);

/** Lower case, single spaces, no end punctuation: the form lexicon lines are matched in. */
export function fold(s: string): string {
  return trimEnd(s.replace(/\s+/g, ' ').trim(), '.:!…').toLowerCase();
}

/** The outlet a line names, as the lexicon writes it ("new straits times" → "New Straits Times"). */
export function knownOutlet(text: string): string | undefined {
  if (text.length > 60) return undefined;
  return OUTLETS.get(fold(text));
}

/** Whether a line is page furniture by the lexicon ("Comments", "Related Articles", "Try our …"). */
export function isBoilerplateText(text: string): boolean {
  if (text.length > 120) return false;
  const f = fold(text);
  if (BOILERPLATE.has(f)) return true;
  const lower = text.trim().toLowerCase();
  return BOILERPLATE_PREFIXES.some((p) => lower.startsWith(p));
}

/** Words in capitals that open a line like a dateline but are labels ("BREAKING:", "UPDATE:"). */
export function isDatelineStopword(text: string): boolean {
  return DATELINE_STOPWORDS.has(fold(text));
}
