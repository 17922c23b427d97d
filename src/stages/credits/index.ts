import type { Article, Block, Doc } from '../../pipeline/doc.js';
import type { CreditRole, EntityKind } from '../../graph/types.js';
import { defineStage } from '../../pipeline/stage.js';
import { live } from '../../model/mentions.js';
import { knownOutlet } from '../layout/lexicon.js';
import { findAgency, type Agency } from '../../lexicon/agencies.js';
import {
  parseByline, parseContribution, parseCreditList, parseDateline, parseHatTip, parseTrailingCredit, type AgencyCredit, type Range,
} from './lines.js';
import { MentionIndex, displayName, entityFor, tokenRange } from './mentions.js';

/**
 * Datelines and credits, as data: a `dateline` edge from each article to the place of
 * its dateline ("MOSCOW (Reuters) -"), and `credit` edges to the agencies and people
 * the article credits: the agency in its dateline, a trailing "– AFP", a "(Reporting by
 * …; Editing by …)" parenthesis, bylines, "h/t:" sources. An agency named in running
 * text ("Reuters reported") is a mention, never a credit.
 */
export const creditsStage = defineStage({
  name: 'credits',
  requires: ['tokens', 'blocks', 'articles'],
  reads: ['mentions', 'entities'],
  // an article's outlet, from its byline, is written to its article
  provides: ['mentions', 'entities', 'articles', 'credits', 'datelines'],
  run(doc) {
    if (doc.articles.length === 0) return;
    const index = new MentionIndex(doc);
    const byArticle = new Map<Article, Block[]>();
    for (const b of doc.blocks) {
      if (!b.article) continue;
      const list = byArticle.get(b.article);
      if (list) list.push(b);
      else byArticle.set(b.article, [b]);
    }
    for (const [article, blocks] of byArticle) creditArticle(doc, index, article, blocks);
  },
});

/** Reads one block's line, and makes mentions over ranges of it. */
class LineReader {
  readonly text: string;
  private readonly base: number;

  constructor(private readonly doc: Doc, private readonly index: MentionIndex, readonly block: Block) {
    this.base = doc.tokens[block.first]!.vstart;
    this.text = doc.view.text.slice(this.base, doc.tokens[block.last - 1]!.vend);
  }

  /** A mention and its entity over `range` of the line. */
  mention(range: Range, kind: EntityKind, agency?: Agency) {
    const tokens = tokenRange(this.doc, this.block.first, this.block.last, this.base + range[0], this.base + range[1]);
    if (!tokens) return undefined;
    const m = this.index.mention(kind, tokens[0], tokens[1]);
    if (!m) return undefined;
    const name = kind === 'agency' ? (agency?.name ?? this.text.slice(...range)) : displayName(this.doc.text.slice(m.start, m.end));
    return { mention: m, entity: entityFor(this.doc, m, kind, name, agency) };
  }
}

function creditArticle(doc: Doc, index: MentionIndex, article: Article, blocks: readonly Block[]): void {
  const ref = article.ref;
  if (!ref) return;
  const credit = (kind: EntityKind, reader: LineReader, range: Range, role: CreditRole, agency?: Agency): void => {
    const found = reader.mention(range, kind, agency);
    if (found) doc.graph.addEdge('credit', ref, live(found.entity).ref, role);
  };
  const agencies = (reader: LineReader, list: readonly AgencyCredit[]): void => {
    for (const a of list) credit('agency', reader, a.range, 'agency', a.agency);
  };

  // the dateline opens the story's first paragraph, past short lines above it that the
  // layout did not know for furniture or a title ("Leer en español", a deck), up to the
  // first paragraph of running text
  const leads = blocks.filter((b) => b.kind === 'body').slice(0, MAX_LEAD_LINES);
  for (const [i, lead] of leads.entries()) {
    const prev = leads[i - 1];
    // past the second line, a sentence of some length is the story already
    if (prev && (prev.last - prev.first > TITLE_TOKENS || (i >= 2 && sentenceLike(doc, prev)))) break;
    const reader = new LineReader(doc, index, lead);
    const dateline = parseDateline(reader.text);
    if (!dateline) continue;
    // "WALLACE: But, Governor, …" opening two or more paragraphs is a transcript's speaker, not a dateline
    if (transcriptLabel(doc, blocks, lead)) break;
    if (dateline.place) {
      const place = reader.mention(dateline.place, 'place');
      if (place) doc.graph.addEdge('dateline', ref, place.mention.ref);
    }
    if (dateline.agency) agencies(reader, [dateline.agency]);
    break;
  }

  for (const block of blocks) {
    if (block.kind !== 'byline') continue;
    const reader = new LineReader(doc, index, block);
    const byline = parseByline(reader.text);
    if (!byline) continue;
    for (const person of byline.people) credit('person', reader, person, 'byline');
    if (byline.agency) agencies(reader, [byline.agency]);
    if (byline.outlet && article.outlet === undefined) {
      const outlet = reader.text.slice(...byline.outlet);
      article.outlet = knownOutlet(outlet) ?? outlet;
      ref.fields.outlet = article.outlet;
    }
  }

  // credits close the article: credit lines, and the end of its last paragraph
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i]!;
    if (block.kind !== 'credit' && block.kind !== 'body') continue;
    const reader = new LineReader(doc, index, block);
    const tip = parseHatTip(reader.text);
    if (tip) credit(sourceKind(reader.text.slice(...tip)), reader, tip, 'source', findAgency(reader.text.slice(...tip)));
    const contribution = block.kind === 'credit' ? parseContribution(reader.text) : undefined;
    if (contribution?.agency) agencies(reader, [contribution.agency]);
    const list = parseCreditList(reader.text);
    for (const c of [...(list?.credits ?? []), ...(contribution?.credits ?? [])]) {
      const agency = findAgency(reader.text.slice(...c.range));
      credit(agency ? 'agency' : 'person', reader, c.range, c.role, agency);
    }
    const trailing = parseTrailingCredit(list ? reader.text.slice(0, list.start) : reader.text);
    if (trailing) agencies(reader, trailing.agencies);
    if (block.kind === 'body') break;
  }
}

/** Whether the block opens with "LABEL:" and another block opens with the same label and colon. */
function transcriptLabel(doc: Doc, blocks: readonly Block[], lead: Block): boolean {
  const label = doc.tokens[lead.first];
  if (!label || doc.tokens[lead.first + 1]?.text !== ':') return false;
  let n = 0;
  for (const b of blocks) if (doc.tokens[b.first]?.text === label.text && doc.tokens[b.first + 1]?.text === ':') n++;
  return n >= 2;
}

/** The most tokens a line can have and still be a title or a label the dateline follows. */
const TITLE_TOKENS = 40;
/** How many short lines above the story the dateline is looked for past. */
const MAX_LEAD_LINES = 6;
/** Fewer tokens than this ending in a full stop can still be a title ("… Face Key Test In U.S. Court."). */
const SENTENCE_TOKENS = 14;

/** A line that reads as a sentence of the story rather than a label: of some length, with end punctuation. */
function sentenceLike(doc: Doc, block: Block): boolean {
  return block.last - block.first >= SENTENCE_TOKENS && /^[.!?]$/.test(doc.tokens[block.last - 1]!.text);
}

/** What an "h/t:" source is: an agency, an outlet or organization, or a person. */
function sourceKind(name: string): EntityKind {
  if (findAgency(name)) return 'agency';
  if (knownOutlet(name) !== undefined || /^The /.test(name) || /^@/.test(name)) return 'organization';
  return /^[A-Z][a-z]+(?: [A-Z]\.?)?(?: [A-Z][a-z'-]+){1,2}$/.test(name) ? 'person' : 'organization';
}
