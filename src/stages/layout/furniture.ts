/**
 * Page furniture by its line shape, from `furniture-lines.json` (this folder): photo
 * captions and credits, reading times, share / save / newsletter / cookie prompts,
 * navigation, related-story links and legal notices, plus contact lines (an e-mail
 * address or telephone number among short items) and agency desk slugs ("bur/ab/jxb",
 * the initials AFP's editors sign a story with). A furniture line is never a
 * sentence of the story. All tests are string comparisons on a bounded line.
 */
import data from './furniture-lines.json';
import { isDeskSlug } from '../credits/lines.js';
import { fold } from './lexicon.js';

export type FurnitureKind = keyof typeof data.kinds | 'contact' | 'slug' | 'rule';

interface Shape {
  readonly lines: ReadonlySet<string>;
  readonly prefixes: readonly string[];
  readonly suffixes: readonly string[];
  readonly contains: readonly string[];
}

const SHAPES: ReadonlyArray<readonly [FurnitureKind, Shape]> = (Object.keys(data.kinds) as Array<keyof typeof data.kinds>).map((kind) => {
  const k = data.kinds[kind];
  return [kind, { lines: new Set(k.lines), prefixes: k.prefixes, suffixes: k.suffixes, contains: k.contains }] as const;
});

/** The longest line furniture is looked for in: a caption can be long, a prompt is not. */
const MAX_LINE = 320;
/** `contains` entries are looked for only in lines this short (a caption, a notice). */
const MAX_CONTAINS = 300;
// (the address starts where a run of its characters does: each run is read once)
const EMAIL = /(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}/;
const PHONE = /(?:^|[\s(|•])\d{3}[-. ]\d{3}[-. ]?(?:\d{4}|…|\.\.\.)/;

/** The furniture kind a line has by its shape, or undefined for a line of text. */
export function furnitureOf(text: string): FurnitureKind | undefined {
  return furnitureMatch(text)?.kind;
}

/**
 * The furniture kind of a line and whether its whole line or its opening says so
 * ("FILE PHOTO: …", "Save Story"), which outranks a dateline; a match by its end or a
 * phrase inside ("… (Photo: AFP)") yields to a dateline opening the line.
 */
export function furnitureMatch(text: string): { readonly kind: FurnitureKind; readonly opening: boolean } | undefined {
  if (text.length > MAX_LINE) return undefined;
  const f = fold(text);
  if (f.length === 0) return undefined;
  for (const [kind, shape] of SHAPES) {
    if (shape.lines.has(f) || shape.prefixes.some((p) => f.startsWith(p))) return { kind, opening: true };
    if (shape.suffixes.some((s) => f.endsWith(s))) return { kind, opening: false };
    if (f.length <= MAX_CONTAINS && shape.contains.some((c) => f.includes(c))) return { kind, opening: false };
  }
  if (contactShaped(text)) return { kind: 'contact', opening: true };
  if (WEB_ADDRESS.test(text.trim())) return { kind: 'navigation', opening: true };
  if (RULE.test(text.trim())) return { kind: 'rule', opening: true };
  return isDeskSlug(text.trim()) ? { kind: 'slug', opening: true } : undefined;
}

/** A rule drawn in characters between parts of a story ("___", "* * *", "----"). */
const RULE = /^(?:[_*=~#-] ?){3,40}\.?$/;

/** A web address and nothing else: a page's short link or permalink ("https://p.dw.com/p/4XyZ"). */
const WEB_ADDRESS = /^(?:https?:\/\/|www\.)[^\s]{1,200}$/i;

/** "Error • 850-… | info@…": short items, one an e-mail address or a telephone number. */
function contactShaped(text: string): boolean {
  if (text.length > 160) return false;
  if (!EMAIL.test(text) && !PHONE.test(text)) return false;
  const items = text.split(/\s[|•·]\s|\s{2,}/);
  return items.length >= 2 && items.every((i) => i.trim().split(/\s+/).length <= 4);
}
