import cues from '../../lexicon/cues.json';
import speakers from '../../lexicon/speakers.json';
import agencies from '../../lexicon/agencies.json';

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

/** The quotes stage's word lists, read once from `src/lexicon/`. */
export interface QuoteLexicon {
  /** Reporting verb forms (lower case) → lemma and kind. */
  readonly verbs: ReadonlyMap<string, CueEntry>;
  /** Multi-word cues by their first word (lower case), longest first. */
  readonly phrases: ReadonlyMap<string, readonly CuePhrase[]>;
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

let cached: QuoteLexicon | undefined;

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
  const agencyNames = new Set<string>();
  for (const a of agencies.agencies) for (const n of a.names) agencyNames.add(n.toLowerCase());
  cached = {
    verbs,
    phrases,
    addressees: cues.addressees.map((a) => a.toLowerCase().split(' ')),
    pronounGender,
    honorificGender,
    personRoles: new Set(speakers.personRoles),
    groupNouns: new Set(speakers.groupNouns),
    documentNouns: new Set(speakers.documentNouns),
    orgSuffixes: new Set(speakers.orgSuffixes),
    firstNames,
    states: new Set(speakers.states),
    agencies: agencyNames,
  };
  return cached;
}
