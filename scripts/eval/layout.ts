/**
 * Layout, datelines and credits: the seed page's four articles, the test corpus's
 * hand-checked layout expectations, and PolNeAR's wire credits against metadata.tsv.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract, type AnnotationGraph } from '../../src/index.js';
import { loadManifest, readArticle, readExpected } from './corpus.js';
import { SHARED_DATA } from './paths.js';
import type { EvalSuite } from './suite.js';
import { furnitureTally, type FurnitureTally } from './furniture.js';

/** One expected article of `test-corpus/expected/<id>.layout.json`. */
export interface ExpectedArticle {
  start: number;
  end: number;
  title?: string;
  outlet?: string;
  published?: string;
  dateline?: { start: number; end: number; text: string; pending?: boolean };
  credits: Array<{ role: string; name: string; pending?: boolean }>;
  pending?: boolean;
}

export interface ExpectedLayout {
  articles: ExpectedArticle[];
  /** Lines that belong to no article and yield no sentences. */
  boilerplate: Array<{ start: number; end: number; text: string }>;
}

/** What a graph says of its articles, in the expectation's shape. */
export function layoutOf(graph: AnnotationGraph): ExpectedArticle[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n] as const));
  return graph.nodes.flatMap((n) => {
    if (n.type !== 'article') return [];
    const place = graph.edges.find((e) => e.type === 'dateline' && e.from === n.id);
    const placeNode = place ? byId.get(place.to) : undefined;
    const credits = graph.edges.flatMap((e) => {
      if (e.type !== 'credit' || e.from !== n.id) return [];
      const entity = byId.get(e.to);
      return entity?.type === 'entity' ? [{ role: e.role, name: entity.name }] : [];
    });
    const a: ExpectedArticle = { start: n.start, end: n.end, credits };
    if (n.title !== undefined) a.title = n.title;
    if (n.outlet !== undefined) a.outlet = n.outlet;
    if (n.published !== undefined) a.published = n.published;
    if (placeNode && 'text' in placeNode && placeNode.type === 'place') a.dateline = { start: placeNode.start, end: placeNode.end, text: placeNode.text };
    return [a];
  });
}

interface Tally { tp: number; fp: number; fn: number; pendingProduced: number; pending: number }

/** Item-level comparison: articles (span, title, outlet, published), datelines, credits. */
export function compareLayout(expected: ExpectedLayout, found: ExpectedArticle[], graph: AnnotationGraph): { tally: Tally; problems: string[] } {
  const tally: Tally = { tp: 0, fp: 0, fn: 0, pendingProduced: 0, pending: 0 };
  const problems: string[] = [];
  const matched = new Set<ExpectedArticle>();
  const count = (ok: boolean, pending: boolean | undefined, what: string, extra?: boolean): void => {
    if (pending) {
      tally.pending++;
      if (ok) {
        tally.pendingProduced++;
        problems.push(`now produced, un-pend: ${what}`);
      }
      return;
    }
    if (ok) tally.tp++;
    else {
      tally.fn++;
      problems.push(`missing: ${what}`);
    }
    if (extra) tally.fp++;
  };
  for (const exp of expected.articles) {
    const got = found.find((f) => f.start === exp.start && f.end === exp.end);
    const label = `article [${exp.start}, ${exp.end})`;
    count(got !== undefined, exp.pending, label);
    if (got) matched.add(got);
    for (const field of ['title', 'outlet', 'published'] as const) {
      if (exp[field] === undefined && got?.[field] === undefined) continue;
      const ok = got?.[field] === exp[field];
      count(ok, exp.pending, `${label} ${field} ${JSON.stringify(exp[field])} (got ${JSON.stringify(got?.[field])})`, !ok && got?.[field] !== undefined);
    }
    if (exp.dateline || got?.dateline) {
      const ok = exp.dateline !== undefined && got?.dateline?.start === exp.dateline.start && got.dateline.end === exp.dateline.end;
      count(ok, exp.dateline?.pending ?? exp.pending, `${label} dateline ${JSON.stringify(exp.dateline?.text)} (got ${JSON.stringify(got?.dateline?.text)})`, !ok && got?.dateline !== undefined);
    }
    const gotCredits = new Set((got?.credits ?? []).map((c) => `${c.role}:${c.name}`));
    for (const c of exp.credits) {
      const key = `${c.role}:${c.name}`;
      count(gotCredits.has(key), c.pending ?? exp.pending, `${label} credit ${key}`);
      gotCredits.delete(key);
    }
    for (const extra of gotCredits) {
      tally.fp++;
      problems.push(`unexpected: ${label} credit ${extra}`);
    }
  }
  for (const f of found) {
    if (matched.has(f)) continue;
    tally.fp++;
    problems.push(`unexpected: article [${f.start}, ${f.end}) ${JSON.stringify(f.title ?? '')}`);
  }
  // boilerplate lines yield no sentences
  const sentences = graph.nodes.filter((n) => n.type === 'sentence');
  for (const b of expected.boilerplate) {
    const ok = !sentences.some((s) => s.start < b.end && s.end > b.start);
    if (ok) tally.tp++;
    else {
      tally.fn++;
      problems.push(`boilerplate read as text: ${JSON.stringify(b.text)}`);
    }
  }
  return { tally, problems };
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

/** Datelines or credits: how many expected (not pending), found, and found as expected. */
export interface FoundExpected { expected: number; found: number; right: number }

/**
 * The datelines and the credits of a document, found against expected: a dateline is right when
 * its article's span and its place's span are the expected ones, a credit when its article's span,
 * role and name are. Pending expectations are left out of both counts.
 */
export function datelinesAndCredits(expected: ExpectedLayout, found: ExpectedArticle[]): { datelines: FoundExpected; credits: FoundExpected } {
  const datelines: FoundExpected = { expected: 0, found: 0, right: 0 };
  const credits: FoundExpected = { expected: 0, found: 0, right: 0 };
  const pendingDatelines = new Set<string>();
  const pendingCredits = new Set<string>();
  const wanted = new Set<string>();
  const wantedCredits = new Set<string>();
  for (const a of expected.articles) {
    const at = `${a.start}-${a.end}`;
    if (a.dateline) (a.pending || a.dateline.pending ? pendingDatelines : wanted).add(`${at}@${a.dateline.start}-${a.dateline.end}`);
    for (const c of a.credits) (a.pending || c.pending ? pendingCredits : wantedCredits).add(`${at}@${c.role}:${c.name}`);
  }
  datelines.expected = wanted.size;
  credits.expected = wantedCredits.size;
  for (const a of found) {
    const at = `${a.start}-${a.end}`;
    if (a.dateline) {
      const key = `${at}@${a.dateline.start}-${a.dateline.end}`;
      if (!pendingDatelines.has(key)) {
        datelines.found++;
        if (wanted.has(key)) datelines.right++;
      }
    }
    for (const c of a.credits) {
      const key = `${at}@${c.role}:${c.name}`;
      if (pendingCredits.has(key)) continue;
      credits.found++;
      if (wantedCredits.has(key)) credits.right++;
    }
  }
  return { datelines, credits };
}

function corpusFigures(): Record<string, number> {
  let seed = 0;
  let seedArticles = 0;
  let docs = 0;
  let allRight = 0;
  const total: Tally = { tp: 0, fp: 0, fn: 0, pendingProduced: 0, pending: 0 };
  const furniture: FurnitureTally = { tp: 0, fp: 0, fn: 0, lines: 0 };
  const datelines: FoundExpected = { expected: 0, found: 0, right: 0 };
  const credits: FoundExpected = { expected: 0, found: 0, right: 0 };
  for (const entry of loadManifest()) {
    const expected = readExpected<ExpectedLayout>(entry.id, 'layout');
    if (!expected) continue;
    const text = readArticle(entry);
    const graph = extract(text, entry.published ? { published: entry.published } : undefined);
    const found = layoutOf(graph);
    const { tally, problems } = compareLayout(expected, found, graph);
    const lines = furnitureTally(text, expected.boilerplate, graph);
    for (const k of Object.keys(furniture) as Array<keyof FurnitureTally>) furniture[k] += lines.tally[k];
    problems.push(...lines.problems);
    const items = datelinesAndCredits(expected, found);
    for (const k of ['expected', 'found', 'right'] as const) {
      datelines[k] += items.datelines[k];
      credits[k] += items.credits[k];
    }
    for (const k of Object.keys(total) as Array<keyof Tally>) total[k] += tally[k];
    docs++;
    const right = tally.fn === 0 && tally.fp === 0;
    if (right) allRight++;
    if (entry.id === 'daily8-russia-ukraine-page') {
      seed = right ? 1 : 0;
      seedArticles = found.length;
      for (const a of found) {
        const credits = a.credits.map((c) => `${c.role} ${c.name}`).join(', ');
        console.log(`    seed article: ${JSON.stringify(a.title)} | outlet ${a.outlet ?? '-'} | ${a.published ?? '-'} | dateline ${a.dateline?.text ?? '-'} | ${credits}`);
      }
    }
    console.log(`  ${entry.id.padEnd(40)} ${right ? 'all right' : 'WRONG'}  (tp ${tally.tp}, fp ${tally.fp}, fn ${tally.fn}, pending ${tally.pending})`);
    for (const p of problems) console.log(`      ${p}`);
  }
  const p = ratio(total.tp, total.tp + total.fp);
  const r = ratio(total.tp, total.tp + total.fn);
  console.log(`  seed page: ${seedArticles} articles, ${seed === 1 ? 'all right' : 'not all right'}`);
  console.log(`  test corpus: ${allRight}/${docs} documents all right; items precision ${p.toFixed(3)} recall ${r.toFixed(3)}; ${total.pending} pending`);
  const fp = ratio(furniture.tp, furniture.tp + furniture.fp);
  const fr = ratio(furniture.tp, furniture.tp + furniture.fn);
  console.log(`  furniture lines: ${furniture.tp + furniture.fn} of ${furniture.lines} lines; kept out of the story: precision ${fp.toFixed(3)} recall ${fr.toFixed(3)} (tp ${furniture.tp}, fp ${furniture.fp}, fn ${furniture.fn})`);
  const row = (name: string, t: FoundExpected): void =>
    console.log(`  ${name}: ${t.right} right of ${t.found} found, ${t.expected} expected; precision ${ratio(t.right, t.found).toFixed(3)} recall ${ratio(t.right, t.expected).toFixed(3)}`);
  row('datelines', datelines);
  row('credits', credits);
  return {
    'seed.allRight': seed, 'seed.articles': seedArticles, 'corpus.allRight': ratio(allRight, docs), 'corpus.precision': p, 'corpus.recall': r,
    'furniture.precision': fp, 'furniture.recall': fr,
    'datelines.precision': ratio(datelines.right, datelines.found), 'datelines.recall': ratio(datelines.right, datelines.expected),
    'credits.precision': ratio(credits.right, credits.found), 'credits.recall': ratio(credits.right, credits.expected),
  };
}

/** The canonical wire of metadata.tsv's `wire` column. */
const WIRES: Record<string, string> = { AP: 'AP', AFP: 'AFP', Reuters: 'Reuters', reuters: 'Reuters', UPI: 'UPI' };
/** How a text can name each wire (any mention counts, in a credit or not). */
const NAMED: Record<string, RegExp> = {
  AP: /\bAP\b|Associated Press/,
  AFP: /\bAFP\b|Agence France-Presse|France-Presse/,
  Reuters: /\bReuters\b|\bREUTERS\b/,
  UPI: /\bUPI\b|United Press International/,
};

/** Articles whose text and metadata.tsv disagree on the wire, with why (polnear-wire-errata.json). */
interface WireErratum { file: string; metadata: string; text: string; reason: string }
const ERRATA: WireErratum[] = (JSON.parse(readFileSync(join(import.meta.dirname, 'polnear-wire-errata.json'), 'utf8')) as { errata: WireErratum[] }).errata;

/** Agency-credit counts against one reading of each article's wire. */
interface WireCounts { tp: number; fp: number; named: number }

/** Scores one article's agency credits against its wire (`undefined`: not a wire story). */
function scoreWire(counts: WireCounts, wire: string | undefined, credited: Set<string>, text: string, file: string, miss: (line: string) => void): 'none' | 'unnamed' | 'named' {
  if (wire === undefined) {
    counts.fp += credited.size;
    if (credited.size > 0) miss(`FP ${file}: credited ${[...credited].join(', ')}, wire None`);
    return 'none';
  }
  const wrong = [...credited].filter((c) => c !== wire);
  counts.fp += wrong.length;
  if (wrong.length > 0) miss(`FP ${file}: credited ${wrong.join(', ')}, wire ${wire}`);
  if (!NAMED[wire]!.test(text)) return 'unnamed';
  counts.named++;
  if (credited.has(wire)) counts.tp++;
  else miss(`FN ${file}: wire ${wire}, credited ${[...credited].join(', ') || 'nothing'}`);
  return 'named';
}

function polnearFigures(): Record<string, number> {
  const meta = join(SHARED_DATA, 'polnear', 'metadata.tsv');
  const rows = readFileSync(meta, 'utf8').trim().split('\n').map((l) => l.split('\t'));
  const head = rows.shift() ?? [];
  const col = (name: string): number => head.indexOf(name);
  const asGiven: WireCounts = { tp: 0, fp: 0, named: 0 };
  const corrected: WireCounts = { tp: 0, fp: 0, named: 0 };
  const kinds = { named: 0, unnamed: 0, none: 0 };
  const errata = new Map(ERRATA.map((e) => [e.file, e]));
  const unused = new Set(errata.keys());
  let titled = 0;
  let docs = 0;
  const misses: string[] = [];
  const fold = (t: string | undefined): string => (t ?? '').replace(/[‘’“”"']/g, '').replace(/\s+/g, ' ').replace(/[\s.;:!?]+$/, '').trim().toLowerCase();
  for (const row of rows) {
    const [split, file] = [row[col('compartment')], row[col('filename')]];
    const wireRaw = row[col('wire')] ?? '';
    if (split !== 'train' && split !== 'dev') continue;
    if (wireRaw === 'NA') continue; // unknown: neither wire nor not
    const path = join(SHARED_DATA, 'polnear', split, 'text', `${file}.txt`);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    const date = row[col('publication_date')];
    const graph = extract(text, date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? { published: date } : undefined);
    const found = layoutOf(graph);
    docs++;
    if (found.length === 1 && fold(found[0]!.title) === fold(row[col('title')])) titled++;
    const credited = new Set(found.flatMap((a) => a.credits.filter((c) => c.role === 'agency').map((c) => c.name)));
    const erratum = errata.get(file!);
    kinds[scoreWire(asGiven, WIRES[wireRaw], credited, text, file!, (line) => misses.push(erratum ? `${line}  (an erratum: polnear-wire-errata.json)` : line))]++;
    if (erratum !== undefined) {
      unused.delete(file!);
      if (erratum.metadata !== wireRaw) throw new Error(`polnear-wire-errata.json: ${file} has wire ${wireRaw} in metadata.tsv, not ${erratum.metadata}`);
    }
    scoreWire(corrected, WIRES[erratum?.text ?? wireRaw], credited, text, file!, () => {});
  }
  if (unused.size > 0) throw new Error(`polnear-wire-errata.json names articles not in train+dev: ${[...unused].join(', ')}`);
  const precision = ratio(asGiven.tp, asGiven.tp + asGiven.fp);
  const recall = ratio(asGiven.tp, asGiven.named);
  const cPrecision = ratio(corrected.tp, corrected.tp + corrected.fp);
  const cRecall = ratio(corrected.tp, corrected.named);
  for (const m of misses) console.log(`      ${m}`);
  console.log(`  PolNeAR train+dev: ${kinds.named} wire stories naming their wire, ${kinds.unnamed} wire stories not naming it, ${kinds.none} non-wire stories`);
  console.log(`  agency credits against metadata.tsv: tp ${asGiven.tp}, fp ${asGiven.fp}; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
  console.log(`  agency credits with the ${ERRATA.length} errata read from the text: tp ${corrected.tp}, fp ${corrected.fp}; precision ${cPrecision.toFixed(3)}, recall ${cRecall.toFixed(3)}`);
  console.log(`  one article titled as metadata.tsv has it: ${titled}/${docs} (${ratio(titled, docs).toFixed(3)})`);
  return {
    'polnear.precision': precision, 'polnear.recall': recall,
    'polnear.corrected.precision': cPrecision, 'polnear.corrected.recall': cRecall,
    'polnear.titles': ratio(titled, docs),
  };
}

export const layoutSuite: EvalSuite = {
  name: 'layout',
  needsSharedData: true,
  // a little under the figures measured on 2026-11-27 (all 1.000 on the corpus; PolNeAR 0.986 / 0.986, titles 0.986)
  thresholds: {
    'seed.allRight': 0.99,
    'corpus.allRight': 0.99,
    'corpus.precision': 0.98,
    'corpus.recall': 0.98,
    // furniture lines kept out of the story on the corpus's 24 documents (11 page-like): 1.000 / 1.000 (158 lines) on 2026-12-07
    'furniture.precision': 0.98,
    'furniture.recall': 0.98,
    // datelines 25/25 and credits 55/55 right over the corpus's layout expectations on 2026-12-07
    'datelines.precision': 0.98,
    'datelines.recall': 0.98,
    'credits.precision': 0.98,
    'credits.recall': 0.98,
    'polnear.precision': 0.97,
    'polnear.recall': 0.97,
    // with the two errata of polnear-wire-errata.json (text and metadata.tsv disagree): 1.000 / 1.000 (69 wire stories) on 2026-12-08
    'polnear.corrected.precision': 0.99,
    'polnear.corrected.recall': 0.99,
    'polnear.titles': 0.97,
  },
  run() {
    return { ...corpusFigures(), ...polnearFigures() };
  },
};
