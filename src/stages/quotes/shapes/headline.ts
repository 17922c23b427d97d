import headlines from '../../../lexicon/headlines.json';
import type { Doc, Sentence } from '../../../pipeline/doc.js';
import { MAX_CONTENT, piece } from '../content.js';
import type { Stretch } from '../marks.js';
import type { SentenceShape } from '../shape.js';
import type { Attribution, FindContext, Piece } from '../types.js';
import { isAllCaps, isCapitalized, isDash, isMark, lower } from '../phrases.js';
import { compileTrigger } from '../trigger.js';

// Headlines that quote ("Lavrov: talks futile", "NY Post: …") and transcripts ("PENCE: Well, …").

const HEADLINE_LABELS: ReadonlySet<string> = new Set(headlines.labels);

/** How an answer in a transcript opens ("FALLIN: I think …", "TRUMP: Well, …"). */
const TRANSCRIPT_OPENERS: ReadonlySet<string> = new Set(headlines.transcriptOpeners);

/** Who or what a headline may quote before a colon without a name: "Poll: …", "Insiders: …", "Report: …". */
const HEADLINE_SOURCES: ReadonlySet<string> = new Set(headlines.sources);

/**
 * "Lavrov: talks without Moscow futile", "Clinton to Planned Parenthood: Trump will …",
 * "Poll: …": a headline that gives a speaker's words after a colon; "FALLIN: I think …",
 * "A: She was …": a transcript's speaker, whose words run to the end of the paragraph.
 */
export function headlineColon(ctx: FindContext, s: Sentence, cs0: number, si: number): Attribution | undefined {
  const toks = ctx.doc.tokens;
  // "PENCE: Well, …" reads like a dateline; in a transcript it is a speaker's turn
  // (a transcript quoted whole opens each turn with a quotation mark: '"PENCE: Well, …')
  const f = isMark(toks[s.first]) && s.last - s.first > 3 ? s.first + 1 : s.first;
  const turn = toks[f + 1]?.text === ':' && transcriptLabels(ctx).has(toks[f]!.text);
  let cs = turn ? f : cs0;
  if (turn && f > s.first) return transcriptTurn(ctx, s, f, si);
  // "EXCLUSIVE – Roger Stone: …": a label and a dash before the headline's speaker
  if (cs === s.first + 2 && isDash(toks[s.first + 1]) && isAllCaps(toks[s.first]) && toks[s.first]!.breaks + (s.first === 0 ? 1 : 0) > 0) cs = s.first + 2;
  else if (cs !== s.first) return undefined;
  let k = cs;
  let speakerEnd = -1;
  while (k < s.last && k - cs < 8 && ((isCapitalized(toks[k]) && toks[k]!.kind === 'word') || (toks[k]!.text === '-' && !toks[k]!.spaceBefore && k > cs) || (k > cs && speakerEnd < 0 && /^(to|on)$/.test(toks[k]!.text)))) {
    if (speakerEnd < 0 && /^(to|on)$/.test(toks[k]!.text)) speakerEnd = k;
    k++;
  }
  if (speakerEnd < 0) speakerEnd = k;
  const colon = toks[k];
  if (k === cs || colon?.text !== ':' || s.last - k < 3 || speakerEnd - cs > 4) return undefined;
  // "WARSAW:" is a dateline; "FALLIN: I think …" is a transcript's speaker
  if (k - cs === 1 && /^[A-Z]+$/.test(toks[cs]!.text)) {
    const label = toks[cs]!.text;
    if (ctx.lex.states.has(label.charAt(0) + label.slice(1).toLowerCase())) return undefined;
    if (!TRANSCRIPT_OPENERS.has(lower(toks[k + 1])) && !transcriptLabels(ctx).has(label)) return undefined;
    const p = piece(ctx, k + 1, paragraphEnd(ctx, s));
    return p ? { pieces: [p], cue: { first: k, last: k + 1, lemma: ':', kind: 'clause' }, speaker: [cs, k], nested: false, sentence: si, rule: 'transcript' } : undefined;
  }
  if (HEADLINE_LABELS.has(lower(toks[cs])) || HEADLINE_LABELS.has(lower(toks[k - 1])) || /^(the|a|an)$/i.test(toks[cs]!.text)) return undefined;
  // "NEW YORK: …" is a dateline: a speaker's name is not all capitals
  let caps = true;
  for (let m = cs; m < speakerEnd && caps; m++) caps = isAllCaps(toks[m]) || toks[m]!.text === '-';
  if (caps) return undefined;
  const first = ctx.lex.firstNames.has(lower(toks[cs]));
  const surname = toks[speakerEnd - 1]!.text;
  // a source named by what it is, on a headline line of its own: "Poll: Trump a big turnoff …"
  const ownLine = toks[cs]!.breaks > 0 || cs === 0 ? (toks[s.last]?.breaks ?? 1) > 0 : false;
  const source = ownLine && HEADLINE_SOURCES.has(lower(toks[speakerEnd - 1]));
  // the title line that opens the document: "Milbank: Republicans 'Waving The Flag'", "CNN President: 'We Do Not Pay …'"
  const title = ownLine && si === 0 && speakerEnd - cs <= 4;
  if (!first && !source && !title && !(speakerEnd - cs <= 3 && occursElsewhere(ctx.doc, surname, s))) return undefined;
  const p = piece({ ...ctx }, k + 1, s.last);
  if (!p) return undefined;
  return { pieces: [p], cue: { first: k, last: k + 1, lemma: ':', kind: 'clause' }, speaker: [cs, speakerEnd], nested: false, sentence: si };
}

/**
 * The labels that open two or more paragraphs as "LABEL: …" in capitals: the speakers of
 * an interview transcript, whatever their turns open with. Datelines ("WARSAW: …") open
 * one story each, so they do not repeat.
 */
function transcriptLabels(ctx: FindContext): ReadonlySet<string> {
  if (ctx.transcript) return ctx.transcript;
  const toks = ctx.doc.tokens;
  const seen = new Map<string, number>();
  for (const b of ctx.doc.blocks) {
    const f = isMark(toks[b.first]) ? b.first + 1 : b.first;
    const t = toks[f];
    if (!t || b.last - f < 3 || toks[f + 1]!.text !== ':' || !/^[A-Z][A-Z'-]+$/.test(t.text)) continue;
    seen.set(t.text, (seen.get(t.text) ?? 0) + 1);
  }
  const out = new Set<string>();
  for (const [label, n] of seen) if (n >= 2) out.add(label);
  ctx.transcript = out;
  return out;
}

/** A transcript's turn: "LABEL:" at `f`, then the speaker's words to the end of the paragraph. */
function transcriptTurn(ctx: FindContext, s: Sentence, f: number, si: number): Attribution | undefined {
  let end = paragraphEnd(ctx, s);
  const toks = ctx.doc.tokens;
  while (end > f + 2 && (/^[.,;:]$/.test(toks[end - 1]!.text) || isMark(toks[end - 1]))) end--;
  if (end <= f + 2) return undefined;
  // the quotation opened before the label ('"PENCE: Well, …') is the turn's, written or not
  const taken: Stretch[] = [];
  for (let t = f + 2; t < end; t++) {
    const k = ctx.marks.stretchOf[t]!;
    const st = k === -1 ? undefined : ctx.marks.stretches[k]!;
    if (st && st.open < f && taken.at(-1) !== st) taken.push(st);
  }
  const p: Piece = { first: f + 2, last: end, form: 'indirect' };
  return { pieces: [p], cue: { first: f + 1, last: f + 2, lemma: ':', kind: 'clause' }, speaker: [f, f + 1], nested: false, sentence: si, rule: 'transcript', taken };
}

/** The end of the paragraph sentence `s` is in: the first later token on a new line. */
function paragraphEnd(ctx: FindContext, s: Sentence): number {
  const toks = ctx.doc.tokens;
  let k = s.last;
  while (k < toks.length && toks[k]!.breaks === 0 && k - s.last < MAX_CONTENT * 4) k++;
  return k;
}

/** Whether the name appears again near the headline (within the next few thousand characters). */
function occursElsewhere(doc: Doc, word: string, s: Sentence): boolean {
  const text = doc.view.text;
  const ve = doc.tokens[s.last - 1]!.vend;
  const at = text.indexOf(word, ve);
  return at >= 0 && at < ve + 5000;
}

/** A headline or transcript line: "Lavrov: talks futile", "Poll: …", "PENCE: Well, …". */
export const headline: SentenceShape = {
  id: 'headline',
  level: 'sentence',
  exclusive: true,
  trigger: compileTrigger('":"'),
  reads: '^ NAME{1,4} (to|on NAME)? ":" … | ^ LABEL ":" … (a transcript turn)',
  examples: [
    { text: 'Lavrov: talks without Moscow are futile\n\nSergei Lavrov spoke in Moscow on Monday.', quotes: [['talks without Moscow are futile', 'Lavrov', ':']] },
    { text: 'WALLACE: What now?\n\nPENCE: Well, we will win.\n\nWALLACE: And then?\n\nPENCE: We govern.', quotes: [['What now?', 'WALLACE', ':'], ['Well, we will win', 'PENCE', ':'], ['And then?', 'WALLACE', ':'], ['We govern', 'PENCE', ':']], rule: 'transcript' },
  ],
  counterExamples: ['WARSAW: The government fell on Monday.', 'Photo: a crowd in Warsaw on Monday.'],
  find({ ctx, s, si, cs }) {
    // (a headline such as "NY Post: …" reads like a dateline: try it from the sentence's start too)
    const att = headlineColon(ctx, s, cs, si) ?? (cs !== s.first ? headlineColon(ctx, s, s.first, si) : undefined);
    return att ? [att] : [];
  },
};
