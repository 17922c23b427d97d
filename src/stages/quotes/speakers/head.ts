import type { Token } from '../../../text/tokenize.js';
import { isCapitalized, lower, nounPhraseEndingAt } from '../phrases.js';
import type { QuoteLexicon } from '../lexicon.js';
import heads from './heads.json';

// The head of a speaker phrase is its first noun group; of-/in-phrases, "close to …",
// appositions and relative clauses after it modify it ("Officer Tusk of the Walrus Police
// Department", "Two Palestinian sources close to the discussions", "The US embassy in Dar
// es Salaam"). The words that open such modifiers are data (`heads.json`).

const LINK_ADJECTIVES: ReadonlySet<string> = new Set(heads.linkAdjectives);
const MODIFIER_PREPOSITIONS: ReadonlySet<string> = new Set(heads.modifierPrepositions);
const APPOSITION_ROLES: ReadonlySet<string> = new Set(heads.appositionRoles);

/** Whether token `k` opens a modifier of the noun group before it: "in Dar es Salaam", "close to the talks", "who …", ", …". */
export function opensModifier(toks: readonly Token[], k: number): boolean {
  const t = toks[k];
  if (!t) return false;
  const w = lower(t);
  if (t.text === ',' || w === 'who' || w === 'whose' || w === 'which') return true;
  if (MODIFIER_PREPOSITIONS.has(w)) return true;
  // "close to", "familiar with", "loyal to"
  return LINK_ADJECTIVES.has(w) && /^(to|with|of)$/.test(lower(toks[k + 1]));
}

/**
 * The end of the first noun group of the phrase `[f, l)`: before the first modifier
 * that follows a noun (`l` where there is none). "Bank of America" and "Secretary of
 * State" keep their "of" (the caller decides on "of" and "for").
 */
export function headGroupEnd(toks: readonly Token[], f: number, l: number): number {
  for (let k = f + 1; k < l; k++) {
    const prev = toks[k - 1]!;
    // ("one in three", "nine out of 10": a share, not a head and its modifier)
    if ((prev.pos !== 'NOUN' && prev.pos !== 'PROPN' && !isCapitalized(prev)) || prev.pos === 'NUM') continue;
    if (opensModifier(toks, k)) return k;
  }
  return l;
}

/**
 * A speaker phrase found right before a cue, grown leftwards over the modifier it is the
 * object of: "[Two Palestinian sources close to] the discussions told", "[Macron in] a
 * speech said". Returns the whole phrase; its head is read from its first noun group.
 */
export function withHeadBefore(toks: readonly Token[], np: [number, number], lo: number, speaks: (np: [number, number]) => boolean): [number, number] {
  let f = np[0];
  for (let n = 0; n < 2; n++) {
    let k = f - 1;
    if (k <= lo) break;
    const w = lower(toks[k]);
    // "close to", "familiar with": the adjective stands between the head and the preposition
    if (/^(to|with|of)$/.test(w) && LINK_ADJECTIVES.has(lower(toks[k - 1]))) k--;
    else if (!MODIFIER_PREPOSITIONS.has(w)) break;
    const head = nounPhraseEndingAt(toks, k - 1, lo);
    if (!head) break;
    const h = toks[head[1] - 1]!;
    if ((h.pos !== 'NOUN' && h.pos !== 'PROPN' && !isCapitalized(h)) || !speaks(head)) break;
    f = head[0];
  }
  return [f, np[1]];
}

/** Whether a word names a role in an apposition ("MP", "chairman", "co-founder"). */
export const isAppositionRole = (w: string): boolean => APPOSITION_ROLES.has(w);

/** Whether an aside names a role, not a person: "Yellowhead MP", "co-chief investment officer". */
export function isRoleAside(lex: QuoteLexicon, toks: readonly Token[], f: number, l: number): boolean {
  const end = headGroupEnd(toks, f, l);
  const h = lower(toks[end - 1]);
  return APPOSITION_ROLES.has(h) || lex.personRoles.has(h);
}
