import { PROPER_TITLE_WORDS, SPELLED_OUT_TITLES } from '../../../lexicon/titles.js';
import type { Doc } from '../../../pipeline/doc.js';
import type { MentionType } from '../../../graph/types.js';
import type { Token } from '../../../text/tokenize.js';
import { NAME_PARTICLES, type QuoteLexicon } from '../lexicon.js';
import { QUANTIFIERS, isAllCaps, isCapitalized, lower } from '../phrases.js';
import { headGroupEnd, isAppositionRole } from './head.js';

/** What a speaker phrase says about its referent, read from its words. */
export interface SpeakerPhrase {
  readonly form: 'name' | 'pronoun' | 'nominal';
  readonly type: MentionType;
  /** Tokens of the mention: the name without titles, the whole nominal phrase, the pronoun. */
  readonly first: number;
  readonly last: number;
  /** The name as it reads ("Grzegorz Trusiewicz"), or the description without its determiner ("foreign minister"). */
  readonly text: string;
  /** Titles and descriptions before a name ("regional prosecutor"). */
  readonly role?: string;
  /** The head word's token: the name's last word, the description's noun before its modifiers. */
  readonly head: number;
  readonly gender?: 'male' | 'female';
  readonly plural: boolean;
  readonly definite: boolean;
  readonly pronoun?: 'male' | 'female' | 'group' | 'thing' | 'first';
}

const TITLE_WORDS = new Set(['former', 'deputy', 'vice', 'acting', 'interim', 'foreign', 'prime', 'general', 'attorney', 'state', 'defence', 'defense', 'interior', 'finance', 'senior', 'top', 'chief', 'assistant', 'regional', 'federal', 'national', 'press', 'white', 'house']);
/** Title words a role writes in lower case ("Former", "Deputy"); "White House" keeps its capitals. */
const LOWERED_TITLE_WORDS: ReadonlySet<string> = new Set([...TITLE_WORDS].filter((w) => !PROPER_TITLE_WORDS.has(w)));

/** Reads a speaker phrase `[f, l)`: its form, type, name or description, role and gender. */
export function readSpeakerPhrase(doc: Doc, lex: QuoteLexicon, f0: number, l0: number): SpeakerPhrase | undefined {
  let l = l0;
  const toks = doc.tokens;
  const head = toks[l - 1];
  if (!head) return undefined;
  let f = f0;
  if (l - f === 1) {
    const p = lex.pronounGender.get(lower(head));
    if (p) {
      const type: MentionType = p === 'thing' ? 'organization' : 'person';
      return { form: 'pronoun', type, first: f, last: l, head: f, text: head.text, plural: p === 'group' || lower(head) === 'we', definite: true, pronoun: p };
    }
  }
  const definite = /^(the|this|that|these|those)$/i.test(toks[f]!.text);
  // "Feargal Ó Dubhghaill of the group River Action Now": the name before "of" is the speaker
  for (let k = f + 1; k < l; k++) {
    if (/^(of|for)$/.test(toks[k]!.text) && isCapitalized(toks[k - 1]) && !QUANTIFIERS.has(lower(toks[k - 1])) && !lex.orgSuffixes.has(toks[k - 1]!.text) && !lex.personRoles.has(lower(toks[k - 1])) && !lex.honorificGender.has(lower(toks[k - 1])) && !isAllCaps(toks[k - 1])) { l = k; break; }
  }
  // the head is the first noun group: "Macron [in a speech]", "the US embassy [in Dar es Salaam]",
  // "sources [close to the talks]"; a description keeps its modifiers as written
  const described = l;
  l = headGroupEnd(toks, f, l);
  // a possessive's owner is not the speaker: "Putin's spokesman Dmitry Peskov"
  // a name: the capitalised run that ends the phrase, after its titles
  let r = l;
  while (r - 1 >= f && (isCapitalized(toks[r - 1]) || hyphenTail(toks, r - 1) || officeOf(lex, toks, r - 1, f) || (NAME_PARTICLES.has(toks[r - 1]!.text) && r < l) || ((toks[r - 1]!.text === '.' || toks[r - 1]!.text === '-') && r < l) || joinsBodyName(lex, toks, r - 1, f, l)) && !/'s$/.test(toks[r - 1]!.text)) r--;
  const startsSentence = (k: number): boolean => doc.sentences[doc.sentenceOfToken(k)]?.first === k || toks[k - 1]?.text === '"' || toks[k - 1]?.text === ':';
  // "Lawyers argued …": a capital that only starts the sentence is not a name
  if (r === l - 1 && startsSentence(r) && !isAllCaps(toks[r]) && isCommonNoun(lex, lower(toks[r]))) r = l;
  if (r < l) {
    let n = r;
    for (let k = r; k < l; k++) {
      const w = lower(toks[k]);
      if (lex.personRoles.has(w) || lex.honorificGender.has(w) || (TITLE_WORDS.has(w) && k + 1 < l && isTitleish(lex, toks[k + 1]!))) n = k + 1;
      // "Secretary of State John Kerry": the office's "of" and its word belong to the title
      else if (w === 'of' && n === k && k + 2 < l) { n = k + 2; k++; }
    }
    if (n < r) n = r;
    while (n < l && /^(the|a|an)$/i.test(toks[n]!.text)) n++;
    if (n < l) {
      let gender: 'male' | 'female' | undefined;
      for (let k = f; k < n; k++) {
        const g = lex.honorificGender.get(lower(toks[k]));
        if (g === 'male' || g === 'female') gender = g;
      }
      gender ??= lex.firstNames.get(lower(toks[n]));
      const role = roleText(lex, toks.slice(f, n));
      const nameText = doc.text.slice(toks[n]!.start, toks[l - 1]!.end).replace(/\s+/g, ' ');
      const type = nameType(lex, toks.slice(n, l), role);
      const out: SpeakerPhrase = { form: 'name', type, first: n, last: l, head: l - 1, text: nameText, plural: false, definite: true, ...(role ? { role } : {}), ...(gender ? { gender } : {}) };
      return out;
    }
  }
  // a description: "the foreign minister", "Polish authorities", "a spokesman for the ministry"
  let hk = l - 1;
  for (let k = f; k < l; k++) if (/^(of|for|in)$/i.test(toks[k]!.text)) { hk = k - 1; break; }
  l = described;
  const w = lower(toks[hk]);
  const sing = singular(w);
  const plural = sing !== w;
  let type: MentionType = 'person';
  if (lex.groupNouns.has(w) || lex.groupNouns.has(sing) || lex.documentNouns.has(sing)) type = 'organization';
  // (a phrase that is only "A" is a transcript's label, not an article)
  while (f < l - 1 && /^(the|a|an|this|that|these|those|its|his|her|their|our)$/i.test(toks[f]!.text) && f === f0) f++;
  const keepCase = (k: number): boolean => {
    const t = toks[k]!;
    if (isAllCaps(t) || /^[A-Z]$/.test(t.text)) return true;
    if (!isCapitalized(t)) return false;
    return !startsSentence(k) || (t.pos === 'PROPN' && !lex.personRoles.has(lower(t)) && !lex.groupNouns.has(singular(lower(t))) && !lex.personRoles.has(singular(lower(t))));
  };
  // the words as written (spacing collapsed), with sentence-initial and common-noun capitals lowered
  let text = '';
  for (let k = f; k < l; k++) {
    const t = toks[k]!;
    if (k > f && (t.spaceBefore || t.breaks > 0)) text += ' ';
    text += keepCase(k) ? doc.text.slice(t.start, t.end) : lower(t);
  }
  return { form: 'nominal', type, first: f0, last: l, head: hk, text, plural: plural || (type === 'organization' && /s$/.test(w)), definite };
}

/** Whether token `k` is the lower-case part of a hyphenated name ("Chae-kyung", "Gathoni-muriuki"). */
function hyphenTail(toks: readonly Token[], k: number): boolean {
  const t = toks[k]!;
  return /^\p{Ll}/u.test(t.text) && !t.spaceBefore && toks[k - 1]?.text === '-' && !toks[k - 1]!.spaceBefore && isCapitalized(toks[k - 2]);
}

/**
 * Whether the "of", "and" or "&" at `k` is inside a body's name that ends the phrase `[f, l)`:
 * "Department of Health and Human Services", "Disaster and Emergency Management Authority".
 */
function joinsBodyName(lex: QuoteLexicon, toks: readonly Token[], k: number, f: number, l: number): boolean {
  if (!(k > f && k + 1 < l && /^(of|and|&)$/.test(toks[k]!.text) && isCapitalized(toks[k - 1]) && isCapitalized(toks[k + 1]) && !lex.personRoles.has(lower(toks[k - 1])))) return false;
  for (let m = f; m < l; m++) if (lex.orgSuffixes.has(toks[m]!.text)) return true;
  return false;
}

/** Whether the "of" at `k` joins an office or a body to its word: "Secretary of State", "Bank of England". */
function officeOf(lex: QuoteLexicon, toks: readonly Token[], k: number, f: number): boolean {
  if (k <= f || toks[k]!.text !== 'of' || !isCapitalized(toks[k - 1]) || !isCapitalized(toks[k + 1])) return false;
  const w = toks[k - 1]!.text;
  return lex.personRoles.has(w.toLowerCase()) || lex.orgSuffixes.has(w);
}

/**
 * A name's role as written, from the words before it: titles and descriptions ("former CIA
 * director", "Secretary of State"), with acronyms and proper words in their case; none
 * where the words hold no title ("footage of", "her distaste for", "that").
 */
export function roleText(lex: QuoteLexicon, words: readonly Token[]): string {
  const ws = words.filter((t) => !/^(the|a|an|mr\.?|mrs\.?|ms\.?)$/i.test(t.text) && !/'s$/.test(t.text) && t.text !== "'s");
  let e = ws.length;
  while (e > 0 && (/^(ADP|DET|PRON|CCONJ|SCONJ|PART)$/.test(ws[e - 1]!.pos) || ws[e - 1]!.kind === 'punctuation')) e--;
  const kept = ws.slice(0, e);
  if (!kept.some((t) => lex.personRoles.has(lower(t)) || LOWERED_TITLE_WORDS.has(lower(t)) || lex.honorificGender.has(lower(t)) || isAppositionRole(lower(t)))) return '';
  return kept.map((t) => {
    const w = lower(t);
    // "Sen." → "senator"; title words in lower case; acronyms and other capitalised words as written ("White House", "Supreme Court")
    const spelled = SPELLED_OUT_TITLES.get(w);
    if (spelled !== undefined) return spelled;
    if (isAllCaps(t) || (isCapitalized(t) && !lex.personRoles.has(w) && !LOWERED_TITLE_WORDS.has(w))) return t.text;
    return w;
  }).join(' ');
}

function isCommonNoun(lex: QuoteLexicon, w: string): boolean {
  const sg = singular(w);
  return lex.personRoles.has(w) || lex.personRoles.has(sg) || lex.groupNouns.has(w) || lex.groupNouns.has(sg) || lex.documentNouns.has(sg);
}

function isTitleish(lex: QuoteLexicon, t: Token): boolean {
  const w = lower(t);
  return lex.personRoles.has(w) || TITLE_WORDS.has(w);
}

function singular(w: string): string {
  if (/ies$/.test(w)) return w.slice(0, -3) + 'y';
  if (/(ss|us|is)$/.test(w)) return w;
  if (/men$/.test(w)) return w.slice(0, -3) + 'man';
  if (/s$/.test(w)) return w.slice(0, -1);
  return w;
}

/** A name's mention type: an organization by its suffix, a state, an agency, else a person. */
function nameType(lex: QuoteLexicon, name: readonly Token[], role: string): MentionType {
  const text = name.map((t) => t.text).join(' ');
  if (lex.agencies.has(text.toLowerCase())) return 'agency';
  if (name.some((t) => lex.orgSuffixes.has(t.text))) return 'organization';
  if (name.length === 1 && lex.states.has(name[0]!.text)) return 'place';
  if (name.length === 1 && isAllCaps(name[0]) && !role) return 'organization';
  return 'person';
}
