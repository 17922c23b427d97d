import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES, Doc, Pipeline, QuotegraphPipelineError, defineStage, extract, type LayerName, type Stage } from '../src/index.js';
import { loadManifest, readArticle } from '../scripts/eval/corpus.js';
import { expectValidGraph } from './helpers/graph.js';

// Stage contracts that are true (issue 12, step 6): every built-in stage declares each layer
// it reads and writes, the pipeline checks the order by those declarations, and taking any
// stage out either is refused with a coded error naming the layer it leaves missing or
// still gives a sound graph.

/** Pages that make every built-in stage write every layer it declares. */
const PAGES = [
  // a dateline, a quote, a date, a credit line glued to the site's next line (layout cuts the token)
  'Ukraine talks stall\nPublished November 26, 2025\nMOSCOW (Reuters) - Russia said on Wednesday that talks had stalled, officials told reporters in the capital on Wednesday.\n"We will wait," Dmitry Peskov said.\n(Reporting by Anastasia Teterevleva; Editing by Andrew HeavensOur Standards: The Thomson Reuters Trust Principles.)',
  // a byline naming the outlet (credits write it to the article), a stated time (layout adds it to the options)
  'By Jane Smith, The Guardian\nNov 26, 2025 10:30 AM\nLONDON - The talks stalled on Monday, Keir Starmer said.',
];
const CORPUS = loadManifest().map((e) => readArticle(e));

/** Fields of `Doc` that are layers; named layers (`doc.layer(name)`) are layers too. */
const FIELDS = ['text', 'view', 'options', 'tokens', 'blocks', 'articles', 'sentences'] as const;
/** Layers there before any stage that never change: a stage need not declare reading them. */
const FIXED = new Set(['text', 'view']);
/** The layer each kind of graph write belongs to. */
const GRAPH_LAYER: Record<string, string[]> = {
  'node:article': ['articles'], 'node:sentence': ['sentences'], 'edge:partOf': ['sentences'],
  'node:person': ['mentions'], 'node:place': ['mentions'], 'node:organization': ['mentions'], 'node:agency': ['mentions'],
  'node:date': ['mentions', 'dates'], 'node:entity': ['entities'],
  'node:quote': ['quotes'], 'node:cue': ['quotes'], 'edge:speaker': ['quotes'], 'edge:cue': ['quotes'],
  'edge:credit': ['credits'], 'edge:dateline': ['datelines'], 'edge:mentionOf': ['graph'], meta: ['graph'],
};

interface Seen { reads: Set<string>; writes: Set<string> }

/** What a layer holds, shallowly: the array, and each element's own plain fields. */
function snapshot(value: unknown): unknown {
  if (!Array.isArray(value)) return typeof value === 'object' && value !== null ? JSON.stringify(value) : value;
  const fields = value.map((x: unknown) => (typeof x === 'object' && x !== null
    ? Object.entries(x).filter(([, v]) => typeof v !== 'object').map(([k, v]) => `${k}=${String(v)}`).join(',')
    : String(x)));
  return { array: value, items: [...value], fields: fields.join('|') };
}

function changed(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return a !== b;
  const x = a as { array: unknown[]; items: unknown[]; fields: string };
  const y = b as { array: unknown[]; items: unknown[]; fields: string };
  return x.array !== y.array || x.items.length !== y.items.length || x.items.some((v, i) => v !== y.items[i]) || x.fields !== y.fields;
}

function layersOf(doc: Doc): Map<string, unknown> {
  const out = new Map<string, unknown>(FIELDS.map((f) => [f, snapshot(doc[f])]));
  for (const [name, value] of doc.layers) out.set(name, snapshot(value));
  return out;
}

/** Runs `stage` over `doc` through a proxy that records every layer it touches and every graph write. */
function runWatched(stage: Stage, doc: Doc, seen: Seen): void {
  const graph = new Proxy(doc.graph, {
    get(target, p) {
      const v = Reflect.get(target, p, target) as unknown;
      if (p === 'addSpan') return (type: string, ...rest: unknown[]) => { seen.writes.add(`node:${type}`); return target.addSpan(type as never, ...(rest as [number, number])); };
      if (p === 'addEntity') return (fields: Record<string, unknown>) => { seen.writes.add('node:entity'); return target.addEntity(fields); };
      if (p === 'addEdge') return (type: string, ...rest: unknown[]) => { seen.writes.add(`edge:${type}`); return (target.addEdge as (...a: unknown[]) => void)(type, ...rest); };
      if (p === 'meta') return new Proxy(target.meta, { set(m, k, value) { seen.writes.add('meta'); return Reflect.set(m, k, value); } });
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  const layers = new Proxy(doc.layers, {
    get(target, p) {
      const v = Reflect.get(target, p, target) as unknown;
      if (typeof v !== 'function') return v;
      return (name: unknown, ...rest: unknown[]) => {
        if (typeof name === 'string') seen.reads.add(name);
        return (v as (...a: unknown[]) => unknown).call(target, name, ...rest);
      };
    },
  });
  const watched: Doc = new Proxy(doc, {
    get(target, p) {
      if (p === 'graph') return graph;
      if (p === 'layers') return layers;
      if (p === 'layer') return (name: LayerName) => { seen.reads.add(name); return target.layer(name); };
      if (typeof p === 'string' && (FIELDS as readonly string[]).includes(p)) seen.reads.add(p);
      const v = Reflect.get(target, p, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(watched) : v;
    },
  });
  const before = layersOf(doc);
  stage.run(watched);
  const after = layersOf(doc);
  for (const name of new Set([...before.keys(), ...after.keys()])) if (changed(before.get(name), after.get(name))) seen.writes.add(name);
}

/** Every layer each default stage was seen to read and write over the pages and the test corpus. */
function watchDefaultStages(): Map<string, Seen> {
  const seen = new Map(DEFAULT_STAGES.map((s) => [s.name, { reads: new Set<string>(), writes: new Set<string>() }]));
  for (const text of [...PAGES, ...CORPUS]) {
    const doc = new Doc(text, { timings: false });
    for (const stage of DEFAULT_STAGES) runWatched(stage, doc, seen.get(stage.name)!);
  }
  return seen;
}

/** The layers a set of writes amounts to. */
const layersWritten = (writes: Set<string>): Set<string> =>
  new Set([...writes].flatMap((w) => GRAPH_LAYER[w] ?? (w.includes(':') ? [`unmapped ${w}`] : [w])));

describe('stage contracts', () => {
  const seen = watchDefaultStages();

  it.each(DEFAULT_STAGES.map((s) => [s.name, s] as const))('%s reads only layers it declares', (name, stage) => {
    const declared = new Set<string>([...stage.requires, ...(stage.reads ?? []), ...stage.provides]);
    const undeclared = [...seen.get(name)!.reads].filter((l) => !FIXED.has(l) && !declared.has(l));
    expect(undeclared).toEqual([]);
  });

  it.each(DEFAULT_STAGES.map((s) => [s.name, s] as const))('%s writes exactly the layers it provides', (name, stage) => {
    expect([...layersWritten(seen.get(name)!.writes)].sort()).toEqual([...stage.provides].sort());
  });

  it('gives the quotes stage the mentions and entities it reads and adds to (it used to declare only tokens and sentences)', () => {
    const quotes = DEFAULT_STAGES.find((s) => s.name === 'quotes')!;
    expect(quotes.requires).toEqual(['tokens', 'sentences', 'mentions', 'entities']);
    expect(quotes.provides).toEqual(['mentions', 'entities', 'quotes']);
  });
});

describe('dropping stages', () => {
  const names = DEFAULT_STAGES.map((s) => s.name);
  const texts = [...PAGES, ...CORPUS.slice(0, 3)];

  /** A pipeline without `dropped`: refused naming a layer one of them provided, or sound graphs. */
  function expectRefusedOrSound(dropped: readonly string[]): 'refused' | 'sound' {
    const gone = new Set<string>(DEFAULT_STAGES.filter((s) => dropped.includes(s.name)).flatMap((s) => s.provides));
    let pipeline: Pipeline;
    try {
      pipeline = new Pipeline(DEFAULT_STAGES.filter((s) => !dropped.includes(s.name)));
    } catch (err) {
      expect(err).toBeInstanceOf(QuotegraphPipelineError);
      const e = err as QuotegraphPipelineError;
      expect(e.code).toBe('E_STAGE_ORDER');
      const named = [...e.message.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
      expect(named.some((layer) => gone.has(layer))).toBe(true);
      return 'refused';
    }
    for (const text of texts) expectValidGraph(extract(text, { pipeline }));
    return 'sound';
  }

  it('refuses a pipeline without a stage whose layers a later one needs, naming the layer; otherwise the graph is sound', () => {
    const outcome = Object.fromEntries(names.map((n) => [n, expectRefusedOrSound([n])]));
    expect(outcome).toEqual({
      tokenize: 'refused', layout: 'refused', segment: 'refused', entities: 'refused',
      dates: 'sound', quotes: 'sound', credits: 'sound', coref: 'sound', assemble: 'sound',
    });
  });

  it('names the missing layer in the refusal', () => {
    const refusal = (name: string): string => {
      try {
        extract('Hi.', { pipeline: { drop: [name] } });
      } catch (err) {
        return (err as Error).message;
      }
      return 'not refused';
    };
    expect(refusal('tokenize')).toBe('E_STAGE_ORDER: Stage "layout" requires "tokens", which no earlier stage provides; add a stage that provides "tokens".');
    expect(refusal('layout')).toBe('E_STAGE_ORDER: Stage "segment" requires "blocks", "articles", which no earlier stage provides; add a stage that provides "blocks".');
    expect(refusal('segment')).toBe('E_STAGE_ORDER: Stage "entities" requires "sentences", which no earlier stage provides; add a stage that provides "sentences".');
    expect(refusal('entities')).toBe('E_STAGE_ORDER: Stage "quotes" requires "entities", which no earlier stage provides; move it after "credits".');
  });

  it('holds for every pair of stages dropped too', () => {
    const outcomes: string[] = [];
    for (const [i, a] of names.entries()) for (const b of names.slice(i + 1)) outcomes.push(`${a}+${b}: ${expectRefusedOrSound([a, b])}`);
    expect(outcomes.filter((o) => o.endsWith('sound'))).toEqual([
      'entities+quotes: sound', 'dates+quotes: sound', 'dates+credits: sound', 'dates+coref: sound', 'dates+assemble: sound',
      'quotes+credits: sound', 'quotes+coref: sound', 'quotes+assemble: sound', 'credits+coref: sound', 'credits+assemble: sound',
      'coref+assemble: sound',
    ]);
  });
});

describe('the order check reads the declarations', () => {
  const probe = (reads: LayerName[]): Stage => defineStage({ name: 'probe', requires: [], reads, provides: [], run() {} });

  it('refuses a stage placed before the only stages that provide a layer it reads', () => {
    expect(() => extract('Hi.', { pipeline: { add: [{ stage: probe(['entities']), before: 'entities' }] } }))
      .toThrow('E_STAGE_ORDER: Stage "probe" reads "entities", which only later stages provide; move it after "entities", "quotes", "credits".');
    expect(() => new Pipeline([DEFAULT_STAGES.at(-1)!, ...DEFAULT_STAGES.slice(0, -1)])).toThrow('Stage "assemble" reads "entities", which only later stages provide');
  });

  it('lets a stage read a layer no stage of the pipeline provides, or one an earlier stage does', () => {
    expect(extract('Hi.', { pipeline: { add: [{ stage: probe(['nothing-provides-this' as LayerName]), after: 'tokenize' }] } }).text).toBe('Hi.');
    expect(extract('Hi.', { pipeline: { add: [{ stage: probe(['entities']), after: 'entities' }] } }).text).toBe('Hi.');
  });

  it('rejects `reads` that is not a list of layer names', () => {
    expect(() => defineStage({ name: 'x', requires: [], reads: 'tokens' as never, provides: [], run() {} }))
      .toThrow('E_STAGE_DEFINITION: defineStage(): stage "x": `reads` must be an array of layer names (strings).');
  });
});
