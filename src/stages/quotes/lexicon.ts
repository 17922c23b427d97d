import cues from '../../lexicon/cues.json';
import speakers from '../../lexicon/speakers.json';
import { AGENCY_NAMES } from '../../lexicon/agencies.js';
import nameParticles from '../../lexicon/name-particles.json';

/** How a cue takes its content: a reported clause, a hearer then a clause, an object that must hold a quotation, a source after it, or (a manner of speaking) a quotation only. */
export type CueKind = 'clause' | 'addressee' | 'object' | 'source-after' | 'manner';

export interface CueEntry {
  readonly lemma: string;
  readonly kind: CueKind;
}

export interface CuePhrase extends CueEntry {
  readonly words: readonly string[];
}

export type Gender = 'male' | 'female';

/** How a cue behaves, beyond its kind: the vocabulary of cues.json's `flags` (each explained there). */
export type CueFlag = keyof typeof cues.flags;

/** The quotes stage's word lists, read once from `src/lexicon/`. */
export interface QuoteLexicon {
  /** Reporting verb forms (lower case) → lemma and kind. */
  readonly verbs: ReadonlyMap<string, CueEntry>;
  /** Multi-word cues by their first word (lower case), longest first. */
  readonly phrases: ReadonlyMap<string, readonly CuePhrase[]>;
  /** Each cue lemma's flags (cues.json), for the verbs, the phrases and the nouns of saying. */
  readonly cueFlags: ReadonlyMap<string, ReadonlySet<CueFlag>>;
  /** Nouns of saying (lower case) → their verb's lemma ("warning" → warn). */
  readonly nouns: ReadonlyMap<string, string>;
  /** Hearers that belong to the cue ("told reporters"), as word lists. */
  readonly addressees: readonly (readonly string[])[];
  readonly pronounGender: ReadonlyMap<string, 'male' | 'female' | 'group' | 'thing' | 'first'>;
  readonly honorificGender: ReadonlyMap<string, Gender | 'any'>;
  readonly personRoles: ReadonlySet<string>;
  readonly groupNouns: ReadonlySet<string>;
  /** Documents that "say" things ("the statement said"). */
  readonly documentNouns: ReadonlySet<string>;
  readonly orgSuffixes: ReadonlySet<string>;
  readonly firstNames: ReadonlyMap<string, Gender>;
  readonly states: ReadonlySet<string>;
  /** Agency names as written in credits ("REUTERS", "AFP"): a dash before one is a credit, not a speaker. */
  readonly agencies: ReadonlySet<string>;
}

/** Particles written in lower case inside a name ("von der Leyen", "bin Salman"): name-particles.json's `inside`. */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(nameParticles.inside);

let cached: QuoteLexicon | undefined;

/** Whether the cue with this lemma has the flag. */
export function cueHas(lex: QuoteLexicon, lemma: string, flag: CueFlag): boolean {
  return lex.cueFlags.get(lemma)?.has(flag) === true;
}

/** Each lemma's flags; a flag cues.json does not define, or entries of one lemma that disagree, are a mistake in the data. */
function flagsByLemma(entries: ReadonlyArray<{ readonly lemma: string; readonly flags?: readonly string[] }>): Map<string, ReadonlySet<CueFlag>> {
  const out = new Map<string, ReadonlySet<CueFlag>>();
  for (const e of entries) {
    for (const f of e.flags ?? []) if (!Object.hasOwn(cues.flags, f)) throw new Error(`cues.json: cue "${e.lemma}" has the flag "${f}", which "flags" does not define`);
    const flags = new Set((e.flags ?? []) as CueFlag[]);
    const was = out.get(e.lemma);
    if (was && (was.size !== flags.size || [...flags].some((f) => !was.has(f)))) throw new Error(`cues.json: the entries of the lemma "${e.lemma}" list different flags`);
    out.set(e.lemma, flags);
  }
  return out;
}

export function quoteLexicon(): QuoteLexicon {
  if (cached) return cached;
  const verbs = new Map<string, CueEntry>();
  for (const v of cues.verbs) {
    for (const f of v.forms) if (!verbs.has(f)) verbs.set(f, { lemma: v.lemma, kind: v.kind as CueKind });
  }
  const phrases = new Map<string, CuePhrase[]>();
  for (const p of cues.phrases) {
    const words = p.text.toLowerCase().split(' ');
    const list = phrases.get(words[0]!) ?? [];
    list.push({ words, lemma: p.lemma, kind: p.kind as CueKind });
    phrases.set(words[0]!, list);
  }
  for (const list of phrases.values()) list.sort((a, b) => b.words.length - a.words.length);
  const pronounGender = new Map<string, 'male' | 'female' | 'group' | 'thing' | 'first'>();
  for (const [g, list] of Object.entries(speakers.pronouns)) for (const w of list) pronounGender.set(w, g as 'male');
  const honorificGender = new Map<string, Gender | 'any'>();
  for (const [g, list] of Object.entries(speakers.honorifics)) for (const w of list) honorificGender.set(w, g as Gender);
  const firstNames = new Map<string, Gender>();
  const both = new Set(speakers.firstNames.male.filter((n) => speakers.firstNames.female.includes(n)));
  for (const n of speakers.firstNames.male) if (!both.has(n)) firstNames.set(n, 'male');
  for (const n of speakers.firstNames.female) if (!both.has(n)) firstNames.set(n, 'female');
  const nouns = new Map<string, string>();
  for (const n of cues.nouns) for (const f of n.forms) nouns.set(f, n.lemma);
  cached = {
    verbs,
    phrases,
    cueFlags: flagsByLemma([...cues.verbs, ...cues.phrases]),
    nouns,
    addressees: cues.addressees.map((a) => a.toLowerCase().split(' ')),
    pronounGender,
    honorificGender,
    personRoles: new Set(speakers.personRoles),
    groupNouns: new Set(speakers.groupNouns),
    documentNouns: new Set(speakers.documentNouns),
    orgSuffixes: new Set(speakers.orgSuffixes),
    firstNames,
    states: new Set(speakers.states),
    agencies: AGENCY_NAMES,
  };
  return cached;
}
