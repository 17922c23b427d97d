import { middleDropped, middleOf, middlesAgree, nameKey, surnameOf, tokenCount } from './names.js';

/**
 * How many times more documents must name one person in full than any other person of the same
 * last name for the last name alone to be theirs ("Trump" in 2016 news is Donald Trump, not
 * Melania or Eric Trump); below it the last name alone is a speaker of its own.
 */
export const DOMINANT_RATIO = 3;

/** Who spoke, as one document names them: an entity of a graph (or a name written at an attribution). */
export interface SpeakerRecord<Ref> {
  readonly kind: string;
  /** The fullest name in the document. */
  readonly name: string;
  readonly aliases: readonly string[];
  /** Where the record came from (document and local id), carried into its cluster. */
  readonly ref: Ref;
}

/** One index-wide speaker: the records that name them, their name, and the keys a search finds them by. */
export interface SpeakerCluster<Ref> {
  readonly kind: string;
  readonly name: string;
  readonly members: readonly Ref[];
  /** Normalised names (and aliases) that stand for this speaker alone. */
  readonly keys: readonly string[];
  /** Last names of the full names (persons). */
  readonly surnames: readonly string[];
}

/**
 * The speakers of a whole index, from every document's speaking entities at once, so that
 * the result depends only on the set of records, never on the order documents came in:
 * 1. records sharing a full name or alias (two words or more for a person; any name for
 *    other kinds), accents, case, punctuation and honorifics aside, are one speaker;
 * 2. names that differ only by middle names or initials ("Donald J. Trump", "Donald Trump",
 *    "Hillary Rodham Clinton") are one, unless two middles that cannot be one person's exist
 *    ("George W. Bush", "George H. W. Bush"): then all of them, and the plain name, stay apart;
 * 3. a person named by one word only ("Trump", "Mr. Trump") is the one person whose last
 *    name it is, when exactly one is known or one is named in full by `DOMINANT_RATIO` times
 *    more documents than any other; else one speaker of that word alone (two people who
 *    share a last name never merge with each other).
 * Clusters come ordered by their first record (`compareRefs`), so ids given in that order
 * are the same whatever order the records were read in.
 */
export function mergeSpeakers<Ref>(records: ReadonlyArray<SpeakerRecord<Ref>>, compareRefs: (a: Ref, b: Ref) => number): Array<SpeakerCluster<Ref>> {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r)!;
    for (let x = k; x !== r; ) {
      const next = parent.get(x)!;
      parent.set(x, r);
      x = next;
    }
    return r;
  };
  const add = (k: string): void => {
    if (!parent.has(k)) parent.set(k, k);
  };
  // the smaller key is the root, so the forest is the same whatever order unions come in
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra < rb) parent.set(rb, ra);
    else if (rb < ra) parent.set(ra, rb);
  };

  const fullKeys = (r: SpeakerRecord<Ref>): string[] => {
    const keys = [r.name, ...r.aliases].map(nameKey).filter((k) => k.length > 0 && (r.kind !== 'person' || tokenCount(k) >= 2));
    return [...new Set(keys)].map((k) => `${r.kind}\u0000${k}`);
  };
  const bestKey = (r: SpeakerRecord<Ref>): string => [r.name, ...r.aliases].map(nameKey).filter((k) => k.length > 0).sort((a, b) => tokenCount(b) - tokenCount(a) || b.length - a.length || (a < b ? -1 : a > b ? 1 : 0))[0] ?? '';

  // 1. full names and aliases
  const keyed: Array<{ record: SpeakerRecord<Ref>; keys: string[] }> = [];
  const single: Array<{ record: SpeakerRecord<Ref>; word: string }> = [];
  for (const record of records) {
    const keys = fullKeys(record);
    if (keys.length > 0) {
      keys.forEach(add);
      for (const k of keys.slice(1)) union(keys[0]!, k);
      keyed.push({ record, keys });
    } else if (record.kind === 'person' && bestKey(record).length > 0) {
      single.push({ record, word: bestKey(record) });
    }
  }

  // 2. middle names and initials: each plain name's variants, judged on the full names alone (not on other merges)
  const variants = new Map<string, Set<string>>();
  for (const k of parent.keys()) {
    const [kind, key] = k.split('\u0000') as [string, string];
    if (kind !== 'person') continue;
    const plain = `${kind}\u0000${middleDropped(key)}`;
    let set = variants.get(plain);
    if (!set) variants.set(plain, (set = new Set()));
    set.add(k);
  }
  for (const [plain, set] of variants) {
    const middles = [...set].filter((k) => k !== plain).map((k) => middleOf(k.slice(k.indexOf('\u0000') + 1)));
    if (middles.every((m) => middles.every((n) => middlesAgree(m, n)))) {
      const all = [...set];
      for (const k of all.slice(1)) union(all[0]!, k);
    }
  }

  // 3. one-word names: the one person with that last name, else the word alone
  const fullRecords = new Map<string, number>();
  for (const { keys } of keyed) fullRecords.set(find(keys[0]!), (fullRecords.get(find(keys[0]!)) ?? 0) + 1);
  const owners = new Map<string, Set<string>>();
  for (const k of parent.keys()) {
    const [kind, key] = k.split('\u0000') as [string, string];
    if (kind !== 'person') continue;
    const surname = surnameOf(key);
    let set = owners.get(surname);
    if (!set) owners.set(surname, (set = new Set()));
    set.add(find(k));
  }
  /** The person a last name alone stands for: the only one who has it, or one named far more often than the others. */
  const ownerOf = (word: string): string | undefined => {
    const own = [...(owners.get(word) ?? [])].map((root) => ({ root, n: fullRecords.get(root) ?? 0 })).sort((a, b) => b.n - a.n || (a.root < b.root ? -1 : 1));
    if (own.length === 1) return own[0]!.root;
    if (own.length > 1 && own[0]!.n >= DOMINANT_RATIO * own[1]!.n) return own[0]!.root;
    return undefined;
  };

  const groups = new Map<string, { kind: string; records: Array<SpeakerRecord<Ref>>; keys: Set<string> }>();
  const groupOf = (root: string, kind: string): { kind: string; records: Array<SpeakerRecord<Ref>>; keys: Set<string> } => {
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { kind, records: [], keys: new Set() }));
    return g;
  };
  for (const { record, keys } of keyed) groupOf(find(keys[0]!), record.kind).records.push(record);
  for (const k of parent.keys()) groupOf(find(k), k.slice(0, k.indexOf('\u0000'))).keys.add(k.slice(k.indexOf('\u0000') + 1));
  for (const { record, word } of single) {
    const owner = ownerOf(word);
    const g = groupOf(owner ?? `person\u0000\u0001${word}`, 'person');
    g.records.push(record);
    if (owner === undefined) g.keys.add(word);
  }

  const clusters: Array<SpeakerCluster<Ref> & { first: Ref }> = [];
  for (const g of groups.values()) {
    const members = g.records.map((r) => r.ref).sort(compareRefs);
    const keys = [...g.keys].sort();
    clusters.push({
      kind: g.kind,
      name: displayName(g.records),
      members,
      keys,
      surnames: g.kind === 'person' ? [...new Set(keys.filter((k) => tokenCount(k) >= 2).map(surnameOf))].sort() : [],
      first: members[0]!,
    });
  }
  clusters.sort((a, b) => compareRefs(a.first, b.first));
  return clusters.map(({ first: _, ...c }) => c);
}

/**
 * The name a speaker is shown by: of the names its documents give, the one of most words
 * (middle names aside), then the most often given, then the one with a middle, then the
 * first in code-unit order.
 */
function displayName(records: ReadonlyArray<{ readonly name: string }>): string {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.name, (counts.get(r.name) ?? 0) + 1);
  const words = (n: string): number => tokenCount(middleDropped(nameKey(n)));
  return [...counts].sort(([a, na], [b, nb]) => words(b) - words(a) || nb - na || tokenCount(nameKey(b)) - tokenCount(nameKey(a)) || (a < b ? -1 : a > b ? 1 : 0))[0]![0];
}
