import titles from '../../lexicon/titles.json';
import updateNotes from '../../lexicon/update-notes.json';
import type { EntityKind } from '../../graph/types.js';
import type { Block } from '../../pipeline/doc.js';
import type { Token } from '../../text/tokenize.js';
import { firstNameGender, isDemonym } from './features.js';
import { addAgencies, addBracketed, addKnownPlaces, addOutlets } from './lexicon-spans.js';
import { agencyOf, hasOrgWord, lexiconStarts, normalName, ORGANIZATIONS, PLACE_KEY } from './name-index.js';
import { listItems } from './list-items.js';
import { demonymCompanies, headedOrganizations, theInstitutions } from './org-rules.js';
import { appositionPersons, businessNames, familyNameFirst, namesAsModifiers, surnamesArePersons, transcriptSpeakers } from './person-rules.js';
import { fixSpans } from './spans.js';
import { allTitleCase, isCapitalised, isHyphen, textOf } from './token-text.js';
import type { NameSpan } from './name-span.js';
import type { TaggedSpan } from './tagger.js';

export type { NameSpan } from './name-span.js';

const HEADS = new Set(titles.heads);
const TITLE_MODIFIERS = new Set([...titles.modifiers, ...titles.heads]);
const TITLE_WORDS = new Set([...titles.heads, ...Object.keys(titles.honorifics)]);
/** Words after a name that make it a publication ("The Atlantic magazine"). */
const PUBLICATION_NOUNS = new Set(['magazine', 'newspaper', 'daily', 'weekly', 'tabloid', 'broadsheet', 'website', 'broadcaster', 'network', 'channel', 'newsletter', 'podcast']);
const TRAILING = new Set(["'s", "'", '.', ',', ':', ';', '-', '--', '\u2013', '\u2014', '(', ')', '"', '!', '?']);
/** The verbs that open a wire story's update note ("Adds Goldfajn comments"). */
const UPDATE_VERBS = new Set(updateNotes.verbs);
/** A contraction's second half ("Won't" is read as "Wo" "n't"): the word before it is no name's. */
const NEGATION = new Set(["n't", 'n\u2019t']);
const LEADING = new Set(['the', '"', "'", '(', '-', '--', '\u2013', '\u2014', ',', ':']);

/**
 * Turns tagged spans into name mentions: trims what CoNLL spans leave out (a leading
 * "the", a title before a person's name, a possessive or punctuation after), drops
 * MISC and lone demonyms, and gives each its kind: an agency from the agency lexicon,
 * an organization for seats of government ("White House", "Kremlin") and outlets
 * ("The Star", an outlet line of an aggregator page, "The Atlantic magazine"), a
 * person for a name right after a title ("prosecutor Grzegorz Trusiewicz").
 */
export function nameSpans(tokens: readonly Token[], blocks: readonly Block[], tagged: readonly TaggedSpan[]): NameSpan[] {
  const spans = businessNames(tokens, namesAsModifiers(tokens, surnamesArePersons(tokens, partyStates(tokens, transcriptSpeakers(tokens, appositionPersons(tokens, listItems(tokens, theInstitutions(tokens, fixSpans(tokens, typedSpans(tokens, headedOrganizations(tokens, demonymCompanies(tokens, tagged))))))))))));
  const starts = lexiconStarts(tokens);
  return addRepeats(tokens, addAgencies(tokens, starts, addOutlets(tokens, starts, blocks, addBracketed(tokens, addKnownPlaces(tokens, starts, spans)))));
}

/**
 * US party and state after a lawmaker's name, set off by commas or brackets: ", R-Idaho,",
 * "(D-New York)": the state is a place.
 */
function partyStates(tokens: readonly Token[], spans: NameSpan[]): NameSpan[] {
  const added: NameSpan[] = [];
  for (let i = 1; i + 2 < tokens.length; i++) {
    const t = tokens[i]!;
    if ((t.text !== 'R' && t.text !== 'D' && t.text !== 'I') || tokens[i + 1]!.text !== '-' || tokens[i + 1]!.spaceBefore || tokens[i + 2]!.spaceBefore) continue;
    if (tokens[i - 1]!.text !== ',' && tokens[i - 1]!.text !== '(') continue;
    let last = i + 2;
    while (last < tokens.length && last < i + 5 && /^\p{Lu}\p{Ll}+$/u.test(tokens[last]!.text) && tokens[last]!.breaks === 0) last++;
    const end = tokens[last]?.text;
    // a state written out ("R-Idaho,", "(D-New York)"); abbreviations ("D-Calif.", "R-N.J.") and postal codes ("R-IN") are left alone
    if (last === i + 2 || (end !== ',' && end !== ')')) continue;
    added.push({ kind: 'place', first: i + 2, last });
  }
  if (added.length === 0) return spans;
  const kept = spans.filter((s) => !added.some((a) => a.first < s.last && s.first < a.last));
  return [...kept, ...added].sort((a, b) => a.first - b.first);
}

/**
 * A name the tagger found once is the same name elsewhere in the document: where its
 * words stand again untagged ("Trump said" at the start of a sentence, "The FAA
 * declined"), they get the same kind. Persons' surnames count as names of their own.
 * A sentence-initial word the document also writes in lower case is left alone.
 */
function addRepeats(tokens: readonly Token[], spans: NameSpan[]): NameSpan[] {
  const known = new Map<string, Array<{ words: string[]; kind: EntityKind }>>();
  const remember = (words: string[], kind: EntityKind): void => {
    const list = known.get(words[0]!) ?? [];
    if (list.some((x) => x.words.join(' ') === words.join(' '))) return;
    list.push({ words, kind });
    list.sort((a, b) => b.words.length - a.words.length);
    known.set(words[0]!, list);
  };
  for (const s of spans) {
    if (s.end !== undefined || s.last - s.first > 4) continue;
    const words: string[] = [];
    for (let i = s.first; i < s.last; i++) words.push(tokens[i]!.text);
    if (!isCapitalised(tokens[s.first])) continue;
    remember(words, s.kind);
    if (s.kind === 'person' && s.last - s.first > 1 && isCapitalised(tokens[s.last - 1])) remember([tokens[s.last - 1]!.text], 'person');
    // "Zhuang Wenxiu … Zhuang was quoted as saying": a two-word name whose first word is no given name
    // any list knows has its family name first (Chinese, Korean, Vietnamese, Hungarian order)
    if (s.kind === 'person' && s.last - s.first === 2 && familyNameFirst(tokens[s.first]!.text)) remember([tokens[s.first]!.text], 'person');
  }
  if (known.size === 0) return spans;
  const taken = new Uint8Array(tokens.length);
  for (const s of spans) taken.fill(1, s.first, s.last);
  let lowerSeen: Set<string> | undefined;
  const added: NameSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    // every remembered name starts with a capitalised word
    if (taken[i] || !isCapitalised(tokens[i])) continue;
    const list = known.get(tokens[i]!.text);
    if (!list) continue;
    for (const { words, kind } of list) {
      let ok = i + words.length <= tokens.length;
      for (let k = 0; k < words.length && ok; k++) ok = !taken[i + k] && tokens[i + k]!.text === words[k];
      // not inside a longer capitalised run ("Trump Tower"), nor glued to a hyphen
      ok &&= !isCapitalised(tokens[i + words.length]) && !isHyphen(tokens[i + words.length]) && !isHyphen(tokens[i]);
      if (ok && i > 0 && isCapitalised(tokens[i - 1]) && tokens[i - 1]!.breaks === 0 && !/^[.!?:;"']$/.test(tokens[i - 2]?.text ?? '.')) ok = false;
      if (!ok) continue;
      const first = tokens[i]!;
      const initial = i === 0 || first.breaks > 0 || /^[.!?:;"'(\u2013\u2014-]$/.test(tokens[i - 1]!.text);
      if (initial && words.length === 1) {
        lowerSeen ??= new Set(tokens.filter((t) => startsLower(t.text)).map((t) => t.text));
        if (lowerSeen.has(first.text.toLowerCase())) continue;
      }
      added.push({ kind, first: i, last: i + words.length });
      i += words.length - 1;
      break;
    }
  }
  if (added.length === 0) return spans;
  return [...spans, ...added].sort((a, b) => a.first - b.first);
}

/** Starts with a lower-case letter (`/^\p{Ll}/u`, ASCII checked without a regular expression). */
function startsLower(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 128) return c >= 97 && c <= 122;
  return /^\p{Ll}/u.test(text);
}

function typedSpans(tokens: readonly Token[], tagged: readonly TaggedSpan[]): NameSpan[] {
  const out: NameSpan[] = [];
  for (const s of tagged) {
    let first = s.first;
    let last = s.last;
    while (first < last && LEADING.has(tokens[first]!.text.toLowerCase())) first++;
    // an update note's verb at a line's start, with the note going on after it
    if (first < last && UPDATE_VERBS.has(tokens[first]!.text) && (first === 0 || tokens[first]!.breaks > 0) && tokens[first + 1] !== undefined && tokens[first + 1]!.breaks === 0) first++;
    if (s.type === 'PER') while (last - first > 1 && TITLE_WORDS.has(tokens[first]!.text.toLowerCase())) first++;
    while (last > first && TRAILING.has(tokens[last - 1]!.text)) last--;
    if (last > first && NEGATION.has(tokens[last]?.text ?? '') && !tokens[last]!.spaceBefore) last--;
    while (last > first && TRAILING.has(tokens[last - 1]!.text)) last--;
    if (last <= first) continue;
    let personAfterTitle = false;
    if (s.type !== 'PER') {
      // "Federal Councillor Matthias Zwahlen-Oberholzer", "Bank of Korea Governor Yoon
      // Chae-kyung" tagged as one organization: the name after the title is a person,
      // and what stands before the title (other than modifiers) an organization of its own
      for (let k = last - 2; k >= first; k--) {
        if (!HEADS.has(tokens[k]!.text.toLowerCase())) continue;
        if (allTitleCase(tokens, k + 1, last) && (last - k > 2 || firstNameGender(tokens[k + 1]!.text) !== undefined) && !hasOrgWord(tokens, k + 1, last)) {
          let orgEnd = k;
          // "Secretary-General": the title's words, hyphens between them included
          while (orgEnd > first && (TITLE_MODIFIERS.has(tokens[orgEnd - 1]!.text.toLowerCase()) || isHyphen(tokens[orgEnd - 1]))) orgEnd--;
          if (orgEnd - first >= 2 || (orgEnd - first === 1 && /^\p{Lu}{2,}$/u.test(tokens[first]!.text))) out.push({ kind: 'organization', first, last: orgEnd });
          first = k + 1;
          personAfterTitle = true;
        }
        break;
      }
    }
    const text = textOf(tokens, first, last);
    if (last - first === 1 && isDemonym(text.toLowerCase()) && !ORGANIZATIONS.has(text.toLowerCase())) continue;
    if (!/\p{L}/u.test(text)) continue;
    // an agency name tagged as a person or place is one only when it cannot be a
    // surname or a place ("Bloomberg" may be Michael Bloomberg, "AFP" may not)
    const agency = agencyOf(text) !== undefined && (s.type === 'ORG' || s.type === 'MISC' || last - first > 1 || text === text.toUpperCase());
    if (s.type === 'MISC' && !agency) continue;
    let kind: EntityKind = s.type === 'PER' || personAfterTitle ? 'person' : s.type === 'LOC' ? 'place' : 'organization';
    if (agency) kind = 'agency';
    else if (ORGANIZATIONS.has(text.toLowerCase())) kind = 'organization';
    else if (kind === 'organization' && PLACE_KEY.has(normalName(text))) kind = 'place';
    else if (PUBLICATION_NOUNS.has(tokens[last]?.text ?? '')) {
      kind = 'organization';
      if (tokens[first - 1]?.text === 'The') first--;
    } else if (kind !== 'person' && HEADS.has(tokens[first - 1]?.text.toLowerCase() ?? '') && last - first <= 3 && allTitleCase(tokens, first, last) && !hasOrgWord(tokens, first, last)) kind = 'person';
    const tail = tokens[last - 1]!.text;
    const possessive = last - first > 0 && tail.length > 2 && /'s$/i.test(tail);
    out.push(possessive ? { kind, first, last, end: tokens[last - 1]!.end - 2 } : { kind, first, last });
  }
  return out;
}
