/**
 * From lines to articles. A page is read as a run of articles, each optionally opened
 * by a header of outlet and timestamp lines ("New Straits Times / 2 hours ago /
 * - New Straits Times"), then a headline, bylines, body lines and credit lines.
 * Page furniture between them ("Comments", "Related Articles") belongs to none.
 *
 * A new article starts only on strong signals: a header followed by text, or, after an
 * article has ended with its credit ("– AFP", "(Reporting by …)"), a headline followed
 * by a paragraph. Short lines after a credit that open no article are furniture.
 */
import type { Article, Block, BlockKind } from '../../pipeline/doc.js';
import type { Token } from '../../text/tokenize.js';
import { sentenceEnds } from '../segment/boundaries.js';
import { parseByline, parseContribution, parseCreditList, parseDateline, parseHatTip, parseTrailingCredit, type Dateline } from '../credits/lines.js';
import { isBoilerplateText } from './lexicon.js';
import { furnitureMatch, type FurnitureKind } from './furniture.js';
import { navigationShaped, outletOf, outletShaped, timestampOf } from './shapes.js';

type LineKind = 'text' | 'boilerplate' | 'timestamp' | 'outlet' | 'credit' | 'byline';

interface Line {
  readonly block: Block;
  readonly text: string;
  readonly words: number;
  /** Sentences in the line, counted only for short lines (where it decides anything). */
  readonly sentences: number;
  /** A blank line stands before it. */
  readonly blankBefore: boolean;
  /** The line closes an article with its credit ("– AFP", "(Reporting by …)"). */
  readonly credited: boolean;
  /** The dateline opening the line, once read (null: none). */
  dateline?: Dateline | null;
  kind: LineKind;
  /** What kind of page furniture a boilerplate line is, when its shape says. */
  readonly furniture?: FurnitureKind | undefined;
  /** Timestamp text or outlet name. */
  value?: string;
}

/** An article as the layout reads it, before it goes into the graph. */
export interface PageArticle {
  readonly article: Article;
  readonly blocks: Block[];
  /** Whether a line of the article reads as its story: a dateline or a paragraph of running text. */
  story: boolean;
}

const TERMINAL_END = /[.!?:]["'”’)\]]?$/;

function lineOf(block: Block, tokens: readonly Token[], view: string): Line {
  const a = tokens[block.first]!;
  const b = tokens[block.last - 1]!;
  const text = view.slice(a.vstart, b.vend);
  let words = 0;
  for (let t = block.first; t < block.last; t++) if (tokens[t]!.kind === 'word' || tokens[t]!.kind === 'number') words++;
  const sentences = words <= 30 ? sentenceEnds(tokens, block.first, block.last).length : 2;
  const credited = parseTrailingCredit(text) !== undefined || parseCreditList(text) !== undefined;
  const line: Line = { block, text, words, sentences, blankBefore: a.breaks >= 2, credited, kind: 'text' };
  // a caption or a prompt is furniture, but a dateline opens the story whatever ends its line,
  const match = furnitureMatch(text);
  // … and so does a line that ends with the story's credit ("… – AFP/Reuters")
  const furniture = match && (match.opening || (!credited && datelineOf(line) === undefined)) ? match.kind : undefined;
  if (furniture !== undefined) return { ...line, kind: 'boilerplate', furniture };
  line.kind = classify(text, words, credited);
  return line;
}

/** What a line is by its own shape, before its neighbours are looked at. */
function classify(text: string, words: number, credited: boolean): LineKind {
  if (isBoilerplateText(text) || navigationShaped(text)) return 'boilerplate';
  if (timestampOf(text) !== undefined) return 'timestamp';
  if (outletOf(text) !== undefined) return 'outlet';
  if (parseHatTip(text) !== undefined || parseContribution(text) !== undefined) return 'credit';
  if (credited && (parseTrailingCredit(text)?.start === 0 || parseCreditList(text)?.start === 0)) return 'credit';
  if (words <= 14 && parseByline(text) !== undefined) return 'byline';
  return 'text';
}

function datelineOf(line: Line): Dateline | undefined {
  if (line.dateline === undefined) line.dateline = parseDateline(line.text) ?? null;
  return line.dateline ?? undefined;
}

/** A paragraph of running text rather than a title, label or caption. */
function bodyLike(line: Line): boolean {
  return line.words >= 12 || (line.sentences >= 2 && line.words >= 10) || datelineOf(line) !== undefined;
}

/** Whether a line reads as a headline: short, one sentence (two in title case), no dateline. */
function headlineShaped(line: Line, next: Line | undefined): boolean {
  if (line.kind !== 'text' || line.words === 0 || line.words > 30) return false;
  const titleCase = titleCased(line.text);
  if (line.sentences > (titleCase ? 2 : 1)) return false;
  const dateline = datelineOf(line);
  // "FIX IS IN: PBS Moderators Ignore …" opens like a dateline but goes on in title case
  if (dateline && (dateline.agency !== undefined || !titleCased(line.text.slice(dateline.end)))) return false;
  if (!TERMINAL_END.test(line.text)) return true;
  // a title printed with end punctuation stands apart from what follows, or is in title case
  return /[.!?]["'”’]?$/.test(line.text) && next !== undefined && (next.blankBefore || titleCase);
}

/** Most words capitalised, as in a headline ("PBS Moderators Ignore Clinton Scandals"). */
function titleCased(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /^[\p{L}]/u.test(w));
  if (words.length === 0) return false;
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalised / words.length >= 0.6;
}

/** Whether the line closes an article with its credit. */
function endsArticle(line: Line): boolean {
  if (line.kind === 'credit') return true;
  return line.kind === 'text' && line.credited;
}

/** Outlet lines known by position: a title-shaped line next to a timestamp, or an outlet repeated. */
function markOutlets(lines: Line[]): void {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.kind === 'outlet' || line.kind === 'timestamp') {
      // a timestamp is kept as the page gives it ("Updated 35 minutes ago")
      const value = line.kind === 'outlet' ? outletOf(line.text) : line.text.trim();
      if (value !== undefined) line.value = value;
      continue;
    }
    if (line.kind !== 'text' && line.kind !== 'credit') continue;
    const name = outletShaped(line.text);
    if (name === undefined) continue;
    const nearStamp = lines[i - 1]?.kind === 'timestamp' || lines[i + 1]?.kind === 'timestamp';
    const repeated = [lines[i - 1], lines[i - 2], lines[i - 3]].some((l) => l?.kind === 'outlet' && l.value === name);
    if (nearStamp || repeated) {
      line.kind = 'outlet';
      line.value = name;
    }
  }
}

/**
 * Section labels over the headline ("Germany / Berlin / German rail strike halts …"): before the
 * page's first paragraph of running text, lines of one to three capitalised words without end
 * punctuation above the first longer line, when that line is headline-shaped (and no longer
 * than 16 words), are the site's navigation, not the title. A headline of one to three
 * capitalised words over a deck of 4–16 words without end punctuation is misread as a label.
 */
function markLabels(lines: Line[]): void {
  const body = lines.findIndex((l) => l.kind === 'text' && bodyLike(l));
  if (body < 0) return;
  const texts = lines.slice(0, body).filter((l) => l.kind === 'text');
  const h = texts.findIndex((l) => l.words >= 4);
  // (a line of more than 16 words is more likely a deck under a short headline than a headline)
  if (h <= 0 || texts[h]!.words > 16 || !headlineShaped(texts[h]!, texts[h + 1] ?? lines[body])) return;
  for (const l of texts.slice(0, h)) {
    if (l.words === 0 || TERMINAL_END.test(l.text) || !LABEL.test(l.text.trim())) continue;
    l.kind = 'boilerplate';
    (l as { furniture?: FurnitureKind }).furniture = 'navigation';
  }
}

/** One to three capitalised words: a section or place label ("Germany", "Middle East"). */
const LABEL = /^\p{Lu}[\p{L}\d'’&.-]{0,30}(?: \p{Lu}[\p{L}\d'’&.-]{0,30}){0,2}$/u;

/** Groups the blocks into articles and sets each block's kind and article. */
export function readArticles(blocks: Block[], tokens: readonly Token[], view: string, text: string): PageArticle[] {
  const lines = blocks.map((b) => lineOf(b, tokens, view));
  markOutlets(lines);
  markLabels(lines);
  const isContent = (l: Line | undefined): boolean => l !== undefined && (l.kind === 'text' || l.kind === 'credit');
  /** The next line of text after `i`, past bylines, timestamps and furniture. */
  const nextText = (i: number): Line | undefined => {
    for (let j = i + 1; j < lines.length; j++) {
      const k = lines[j]!.kind;
      if (k === 'text' || k === 'credit') return lines[j];
      // an outlet line opens the next header, unless it is the byline's own ("By … / BBC News, Sydney", "Text by: / FRANCE 24")
      if (k === 'outlet' && lines[j - 1]?.kind !== 'byline' && lines[j - 1]?.furniture !== 'bylineLabel') return undefined;
    }
    return undefined;
  };
  /**
   * Whether line `i` opens an article: after a header, any text does; after a credit
   * alone, only a headline without end punctuation before a paragraph (a photo
   * caption after "ASSOCIATED PRESS." is no headline).
   */
  const opens = (i: number, afterHeader: boolean): boolean => {
    const line = lines[i]!;
    if (afterHeader) return line.kind === 'text';
    const next = nextText(i);
    return headlineShaped(line, next) && !TERMINAL_END.test(line.text) && next !== undefined && next.kind === 'text' && bodyLike(next);
  };

  const articles: PageArticle[] = [];
  let current: PageArticle | undefined;
  let hasText = false;
  let ended = false;
  let deck = false;
  let header: Line[] = [];
  const place = (line: Line, kind: BlockKind): void => {
    line.block.kind = kind;
    if (current) {
      line.block.article = current.article;
      current.blocks.push(line.block);
    }
  };
  let previous: Line | undefined;
  let related = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // a headline printed twice (the page's title over the article's own) is read once
    if (line.kind === 'text' && previous?.block.kind === 'headline' && previous.text === line.text) line.kind = 'boilerplate';
    // the links under a related heading ("Related topics / Sydney / Australia") are furniture up to the next paragraph
    if (line.kind === 'text' && related && !bodyLike(line) && !TERMINAL_END.test(line.text)) line.kind = 'boilerplate';
    // a blurb between two pieces of furniture after the story ("Sign up to Morning Mail / Our morning briefing … / Privacy Notice: …")
    if (line.kind === 'text' && current?.story === true && !TERMINAL_END.test(line.text) && lines[i - 1]?.furniture !== undefined && lines[i + 1]?.furniture !== undefined) line.kind = 'boilerplate';
    if (line.kind === 'boilerplate') {
      if (line.furniture === 'related') related = true;
      line.block.kind = 'boilerplate';
      continue;
    }
    related = false;
    previous = line;
    if (line.kind === 'outlet' || line.kind === 'timestamp' || (line.kind === 'byline' && (current === undefined || header.length > 0))) {
      header.push(line);
      continue;
    }
    let start = current === undefined;
    // a header opens a new article after one that ended, or when it carries a timestamp;
    // outlet names inside a running article ("The Times.") are its own lines
    // (a timestamp under a headline, before any of its story, is the article's own: "Headline / 2 hours ago / By …")
    if (!start && header.length > 0 && (ended || (current?.story === true && header.some((h) => h.kind === 'timestamp')))) {
      start = opens(i, true);
    } else if (!start && header.length > 0 && current?.story === true) {
      for (const h of header) if (h.kind === 'outlet') h.kind = 'text';
    }
    if (!start && header.length === 0 && ended) {
      if (opens(i, false)) start = true;
      else if (line.kind === 'text' && !bodyLike(line)) {
        line.block.kind = 'boilerplate';
        continue;
      } else if (line.kind === 'text') ended = false;
    }
    if (start) {
      current = { article: { start: line.block.start, end: line.block.end }, blocks: [], story: false };
      articles.push(current);
      hasText = false;
      ended = false;
    }
    for (const h of header) place(h, h.kind === 'byline' ? 'byline' : h.kind === 'outlet' ? 'outlet' : h.kind === 'timestamp' ? 'timestamp' : 'body');
    header = [];
    const continuesDeck = deck;
    deck = false;
    if (line.kind === 'byline') place(line, 'byline');
    else if (line.kind === 'credit') place(line, 'credit');
    else if (continuesDeck && line.kind === 'text' && !line.blankBefore && line.words <= 30 && line.sentences <= 1) place(line, 'headline');
    else if (!hasText && isContent(nextText(i)) && headlineShaped(line, nextText(i))) {
      place(line, 'headline');
      // "Headline; \nDeck": a headline ending in a semicolon goes on in the next line
      deck = line.text.endsWith(';');
    } else place(line, 'body');
    if (line.kind === 'text') hasText = true;
    // (a deck under the headline, however long, has no end punctuation: no story yet)
    if (current && line.kind === 'text' && bodyLike(line) && (TERMINAL_END.test(line.text) || datelineOf(line) !== undefined)) current.story = true;
    // a credit closes an article that has text ("REUTERS" over a headline closes nothing)
    if (endsArticle(line) && hasText) ended = true;
  }
  // a header with nothing after it opens no article
  for (const h of header) h.block.kind = 'boilerplate';
  const byBlock = new Map(lines.map((l) => [l.block, l] as const));
  for (const pa of articles) finish(pa, byBlock, text);
  return articles;
}

/** Span, title, outlet and published time of an article from its blocks. */
function finish(pa: PageArticle, lines: ReadonlyMap<Block, Line>, text: string): void {
  const first = pa.blocks[0];
  const last = pa.blocks[pa.blocks.length - 1];
  if (!first || !last) return;
  pa.article.start = first.start;
  pa.article.end = last.end;
  for (const block of pa.blocks) {
    const line = lines.get(block);
    if (!line) continue;
    if (block.kind === 'headline') {
      const part = text.slice(block.start, block.end);
      pa.article.title = pa.article.title === undefined ? part : `${pa.article.title} ${part}`;
    }
    if (block.kind === 'outlet' && pa.article.outlet === undefined && line.value !== undefined) pa.article.outlet = line.value;
    if (block.kind === 'timestamp' && pa.article.published === undefined && line.value !== undefined) pa.article.published = line.value;
  }
}
