/**
 * The article's paragraphs with the page's furniture taken out, and its headline and
 * byline as lines of text. Readability keeps some of a site's own lines inside the
 * article ("Estimated read time: 2 minutes", "Read more: …", "Sign up for our daily
 * newsletter", a copyright notice, the printed time of a `<time>` element): a paragraph
 * that the layout's furniture shapes know is dropped, and a printed time when the
 * page's metadata gives the publication time.
 */
import { findAgency } from '../lexicon/agencies.js';
import { gluedEnd } from '../stages/credits/lines.js';
import { furnitureOf } from '../stages/layout/furniture.js';
import { isBoilerplateText } from '../stages/layout/lexicon.js';
import { outletOf, timestampOf } from '../stages/layout/shapes.js';

export interface PageParts {
  /** The page states its publication time in its metadata. */
  readonly dated: boolean;
  /** The text of the page's `<time>` elements. */
  readonly times: ReadonlySet<string>;
}

/** The paragraphs that are the article's own text. */
export function articleParagraphs(paragraphs: readonly string[], parts: PageParts): string[] {
  let related = false;
  return paragraphs.flatMap(unglue).filter((p) => {
    const kind = furnitureOf(p);
    // the links under a related heading ("Related topics / Sydney / Australia"), up to the next paragraph of text
    const link = related && !END_PUNCTUATION.test(p) && p.split(/\s+/).length <= 14;
    related = kind === 'related' || (related && link);
    if (kind !== undefined || link || isBoilerplateText(p)) return false;
    if (parts.dated && (parts.times.has(p) || timestampOf(p) !== undefined)) return false;
    return true;
  });
}

const END_PUNCTUATION = /[.!?:]["'”’)\]]?$/;

/**
 * A byline printed in two inline elements reads as one glued text ("Hannah Ritchie-Okafor"
 * + "BBC News, Sydney", "By Tess Ikonomou-Brandt" + "Australian Associated Press"): cut where
 * a lower-case letter meets a capital that opens an outlet or agency name running to the end.
 * So is a credit line and the site's next text ("… Editing by Andrew Heavens" + "Our Standards:
 * …"): cut where an opener of credit-glue.json meets the credit's last word, as the layout
 * stage cuts it in plain text.
 */
export function unglue(text: string): string[] {
  const glued = gluedEnd(text);
  if (glued < text.length) return [...unglue(text.slice(0, glued)), text.slice(glued)];
  if (text.length > 120) return [text];
  for (let i = 1; i < text.length; i++) {
    if (!/\p{Ll}/u.test(text[i - 1]!) || !/\p{Lu}/u.test(text[i]!)) continue;
    const rest = text.slice(i);
    if (rest.length >= 4 && (outletOf(rest) !== undefined || findAgency(rest) !== undefined)) return [text.slice(0, i), rest];
  }
  return [text];
}

/** " - Print", " | AMP", " | Reuters": a label or the site's name after a title in `<title>`. */
const TITLE_LABEL = /\s[-|–—]\s(?:print|print version|printer-friendly|amp)$/i;

/** The title without a print or AMP label, or the site's name after a separator. */
export function cleanTitle(title: string, siteName: string | undefined): string {
  let t = title.replace(TITLE_LABEL, '');
  if (siteName !== undefined) {
    for (const sep of [' | ', ' - ', ' – ', ' — ']) {
      const tail = `${sep}${siteName}`;
      if (t.length > tail.length && t.toLowerCase().endsWith(tail.toLowerCase())) t = t.slice(0, -tail.length);
    }
  }
  return t.trim();
}

/** The names of a byline written as a list ("Lena Hartmann, Oliver Pieper"), cut at a separator or "and" (no pattern that backtracks over white space). */
export function bylineNames(byline: string): string[] {
  return byline
    .replace(/^by\s+/i, '')
    .split(/[,|;&]/)
    .flatMap((part) => part.split(/\band\b/))
    .map((n) => n.trim())
    .filter((n) => n.length > 0);
}

/** "By A", "By A and B", "By A, B and C". */
export function bylineLine(names: readonly string[]): string {
  const list = names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `By ${list}`;
}

/** Whether a paragraph is only the byline's names between separators ("Lena Hartmann | Oliver Pieper"). */
export function onlyNames(paragraph: string, names: readonly string[]): boolean {
  const got = bylineNames(paragraph).map((n) => n.toLowerCase());
  return got.length === names.length && names.every((n) => got.includes(n.toLowerCase()));
}
