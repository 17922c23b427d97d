import particles from '../../lexicon/name-particles.json';
import speakers from '../../lexicon/speakers.json';
import titles from '../../lexicon/titles.json';
import type { Token } from '../../text/tokenize.js';
import { isKnownPlaceOrOrg } from './features.js';
import type { NameSpan } from './name-span.js';
import { isCapitalised, isHyphen } from './token-text.js';

/**
 * Span rules: where the tagger's spans stop short of a name or run past it, the rules
 * below put the edge where news writes it. Each is right for names in general, not for
 * one name: hyphenated and double-barrelled names, name particles ("von der", "bin"), a
 * role noun written before a name at the start of a sentence.
 */
export function fixSpans(tokens: readonly Token[], spans: NameSpan[]): NameSpan[] {
  return splitPairs(tokens, dropLeadingRoles(tokens, dropTitleWords(tokens, joinParticles(tokens, joinDoubleBarrelled(tokens, glueHyphens(tokens, spans))))));
}

const HEADS = new Set(titles.heads);
/** Words of a title before a person's name ("Saudi Crown Prince"). */
const TITLE_WORDS = new Set([...titles.modifiers, ...titles.heads, ...Object.keys(titles.honorifics)]);
const PERSON_ROLES = new Set(speakers.personRoles);
/** Particles inside a name ("Ursula von der Leyen", "Osama bin Laden", "Rio de Janeiro"). */
const INSIDE = new Set(particles.inside);
/** Particles that may also start a surname written on its own ("von der Leyen said"). */
const LEADING = new Set(particles.leading);

/** Korean and Chinese given names' second syllables ("Chae-kyung"), not "Putin-led" or "Kyiv-based". */
const NOT_SYLLABLES = new Set(['led', 'era', 'run', 'free', 'like', 'born', 'made', 'type', 'wide', 'year', 'day', 'old', 'new', 'up', 'in', 'out', 'off']);
const isLetters = (t: Token | undefined): boolean => t !== undefined && /^\p{Ll}{2,5}$/u.test(t.text) && !/ed$/.test(t.text) && !NOT_SYLLABLES.has(t.text);
/**
 * "Moon Jae-in": "in" is a syllable of a given name after a short capitalised syllable, where
 * no third part follows ("son-in-law", "editor-in-chief").
 */
const isNameSyllableIn = (tokens: readonly Token[], hyphen: number): boolean =>
  tokens[hyphen + 1]?.text === 'in' && /^\p{Lu}\p{Ll}{1,3}$/u.test(tokens[hyphen - 1]?.text ?? '') && !isHyphen(tokens[hyphen + 2]);

/**
 * The tokenizer splits hyphenated names ("Okereke - Vance"); a person's name that stops
 * at such a hyphen, or two halves tagged apart, become one name again.
 */
function glueHyphens(tokens: readonly Token[], spans: NameSpan[]): NameSpan[] {
  const out: NameSpan[] = [];
  for (let k = 0; k < spans.length; k++) {
    let s = spans[k]!;
    for (;;) {
      const after = tokens[s.last + 1];
      if (!isHyphen(tokens[s.last]) || after === undefined || after.spaceBefore) break;
      const next = spans[k + 1];
      if (isCapitalised(after)) {
        if (next && next.first === s.last + 1) {
          // two names joined: one person's name ("Okereke" + "Vance"); places stay apart ("Russia-Ukraine")
          if (s.kind !== 'person' && next.kind !== 'person') break;
          s = { kind: 'person', first: s.first, last: next.last };
          k++;
          continue;
        }
        // "Urus-Martan", "Ata-ur-Rehman": a capitalised part no one tagged, unless it is a known place
        if ((s.kind === 'person' || s.kind === 'place') && !isKnownPlaceOrOrg(after.text.toLowerCase())) {
          s = { kind: s.kind, first: s.first, last: s.last + 2 };
          continue;
        }
        break;
      }
      // "Yoon Chae-kyung", "Ata-ur-Rehman": a short lower-case part of a person's name
      if (s.kind === 'person' && (isLetters(after) || isNameSyllableIn(tokens, s.last)) && !(next && next.first <= s.last + 1)) {
        s = { kind: 'person', first: s.first, last: s.last + 2 };
        continue;
      }
      break;
    }
    out.push(s);
  }
  return out;
}

/** "Putin-Zelensky summit": two surnames of people named in full, joined by a hyphen, are two names. */
function splitPairs(tokens: readonly Token[], spans: NameSpan[]): NameSpan[] {
  const surnames = new Set<string>();
  for (const s of spans) if (s.kind === 'person' && s.last - s.first > 1 && !isHyphen(tokens[s.last - 2])) surnames.add(tokens[s.last - 1]!.text.toLowerCase());
  const out: NameSpan[] = [];
  for (const s of spans) {
    const a = tokens[s.first]!;
    const b = tokens[s.first + 2];
    if (s.kind === 'person' && s.last - s.first === 3 && isHyphen(tokens[s.first + 1]) && b && surnames.has(a.text.toLowerCase()) && surnames.has(b.text.toLowerCase()) && a.text !== b.text) {
      out.push({ kind: 'person', first: s.first, last: s.first + 1 }, { kind: 'person', first: s.first + 2, last: s.last });
    } else out.push(s);
  }
  return out;
}


/**
 * "Matthias Zwahlen-Oberholzer": a person's name followed, with nothing between, by a
 * hyphenated pair of capitalised words no one tagged is a double-barrelled surname,
 * unless either half is a place or organization the lexicon knows ("Paris-Berlin").
 */
function joinDoubleBarrelled(tokens: readonly Token[], spans: NameSpan[]): NameSpan[] {
  const out: NameSpan[] = [];
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k]!;
    const a = tokens[s.last];
    const b = tokens[s.last + 2];
    const next = spans[k + 1];
    if (s.kind === 'person' && s.end === undefined && a && b && isCapitalised(a) && a.breaks === 0 && a.spaceBefore && isHyphen(tokens[s.last + 1]) && !b.spaceBefore && isCapitalised(b)
      && !(next && next.first <= s.last + 2) && !isKnownPlaceOrOrg(a.text.toLowerCase()) && !isKnownPlaceOrOrg(b.text.toLowerCase())) {
      out.push({ kind: 'person', first: s.first, last: s.last + 3 });
    } else out.push(s);
  }
  return out;
}

/** The particles standing from token `i` on (lower case, on one line), and where they stop. */
function particlesFrom(tokens: readonly Token[], i: number): number {
  let j = i;
  while (j < i + 3 && j < tokens.length && tokens[j]!.breaks === 0 && INSIDE.has(tokens[j]!.text)) j++;
  return j;
}

/**
 * Name particles: a name, particles, then a capitalised word are one name ("Ursula" "von
 * der" "Leyen", "Osama" "bin" "Laden"): a person if either side is one; and a surname
 * that starts with a particle keeps it ("von der Leyen said").
 */
function joinParticles(tokens: readonly Token[], spans: NameSpan[]): NameSpan[] {
  const out: NameSpan[] = [];
  for (let k = 0; k < spans.length; k++) {
    let s = spans[k]!;
    const j = particlesFrom(tokens, s.last);
    const after = tokens[j];
    if (j > s.last && s.end === undefined && after && after.breaks === 0 && isCapitalised(after)) {
      const next = spans[k + 1];
      if (next && next.first === j) {
        const kind = s.kind === 'person' || next.kind === 'person' ? 'person' : s.kind === next.kind ? s.kind : undefined;
        if (kind) {
          out.push({ kind, first: s.first, last: next.last, ...(next.end !== undefined ? { end: next.end } : {}) });
          k++;
          continue;
        }
      } else if (s.kind === 'person' && !(next && next.first <= j)) s = { kind: 'person', first: s.first, last: j + 1 };
    }
    // "von der Leyen": particles before a person's surname, after no other capitalised word
    if (s.kind === 'person' && s.first > 0) {
      let f = s.first;
      while (f > s.first - 3 && f > 0 && tokens[f]!.breaks === 0 && INSIDE.has(tokens[f - 1]!.text)) f--;
      if (f < s.first && LEADING.has(tokens[f]!.text) && !isCapitalised(tokens[f - 1]) && !(out.length > 0 && out[out.length - 1]!.last > f)) s = { ...s, first: f };
    }
    out.push(s);
  }
  return out;
}

/** "Commerce Secretary Thaddeus Okereke-Vance": a word tagged as a name before a title and a name is part of the title. */
function dropTitleWords(tokens: readonly Token[], spans: NameSpan[]): NameSpan[] {
  const starts = new Set(spans.filter((s) => s.kind === 'person').map((s) => s.first));
  return spans.filter((s) => !(s.kind === 'person' && s.last - s.first === 1 && HEADS.has(tokens[s.last]?.text.toLowerCase() ?? '') && starts.has(s.last + 1)));
}


const OPENING = new Set(['.', '!', '?', '"', "'", '\u201c', '\u201d', '\u2018', '\u2019', ':', '(', '-', '\u2013', '\u2014']);

/**
 * "Trader Chinwendu Okwuosa-Bello said": a role noun of the speaker lexicon written
 * capitalised at the start of a sentence, before a name, is not part of it, when a name of
 * two words or more is left.
 */
function dropLeadingRoles(tokens: readonly Token[], spans: NameSpan[]): NameSpan[] {
  return spans.map((s) => {
    if (s.kind !== 'person') return s;
    const t = tokens[s.first]!;
    const initial = s.first === 0 || t.breaks > 0 || OPENING.has(tokens[s.first - 1]!.text);
    // a title that joined the name when a particle glued two spans ("Crown Prince" + "Mohammed bin Salman")
    let first = s.first;
    while (s.last - first > 2 && TITLE_WORDS.has(tokens[first]!.text.toLowerCase()) && isCapitalised(tokens[first + 1])) first++;
    if (first > s.first) return { ...s, first };
    const w = t.text.toLowerCase();
    if (!initial || !(PERSON_ROLES.has(w) || PERSON_ROLES.has(w.replace(/s$/, '')))) return s;
    let words = 0;
    for (let i = s.first + 1; i < s.last; i++) if (!isHyphen(tokens[i])) words++;
    return words >= 2 ? { ...s, first: s.first + 1 } : s;
  });
}
