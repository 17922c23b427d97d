import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STAGES, Pipeline, QuotegraphOptionsError, QuotegraphPipelineError, defineStage, extract, extractAll, getDefaultPipeline,
} from '../src/index.js';
import { expectValidGraph } from './helpers/graph.js';

// the test stage's own layer, declared as a user declares one (src/pipeline/layers.ts)
declare module '../src/pipeline/layers.js' {
  interface LayerMap {
    marks: string[];
  }
}

const marker = defineStage({
  name: 'marker',
  requires: ['sentences'],
  provides: ['marks'],
  run(doc) {
    doc.graph.diagnostic('marker', `saw ${doc.sentences.length} sentences`);
  },
});

describe('pipeline', () => {
  it('writes the default order in one place and checks it', () => {
    expect(getDefaultPipeline().names).toEqual(DEFAULT_STAGES.map((s) => s.name));
    expect(getDefaultPipeline().names.slice(0, 3)).toEqual(['tokenize', 'layout', 'segment']);
    expect(getDefaultPipeline().names.at(-1)).toBe('assemble');
  });

  it('reports a stage whose inputs nothing earlier provides, naming the provider', () => {
    const [tokenize, layout, segment] = DEFAULT_STAGES;
    expect(() => new Pipeline([tokenize!, segment!, layout!])).toThrow(QuotegraphPipelineError);
    expect(() => new Pipeline([tokenize!, segment!, layout!])).toThrow(/Stage "segment" requires "blocks", "articles".*move it after "layout"/);
    expect(() => new Pipeline([marker])).toThrow(/E_STAGE_ORDER/);
  });

  it('rejects two stages with one name and malformed definitions', () => {
    expect(() => new Pipeline([DEFAULT_STAGES[0]!, DEFAULT_STAGES[0]!])).toThrow(/E_STAGE_DUPLICATE/);
    expect(() => defineStage({ name: '', requires: [], provides: [], run() {} })).toThrow(/E_STAGE_DEFINITION/);
    expect(() => defineStage({ name: 'x', requires: 'tokens' as never, provides: [], run() {} })).toThrow(/requires/);
  });

  it('lets users add, replace and drop stages', () => {
    const g = extract('One. Two.', { pipeline: { add: [{ stage: marker, after: 'segment' }] } });
    expect(g.diagnostics).toEqual([{ code: 'marker', severity: 'warning', stage: 'marker', message: 'saw 2 sentences' }]);
    const noSentences = defineStage({ name: 'segment', requires: ['tokens'], provides: ['sentences'], run() {} });
    const g2 = extract('One. Two.', { pipeline: { replace: { segment: noSentences } } });
    expect(g2.nodes.filter((n) => n.type === 'sentence')).toEqual([]);
    expect(() => extract('x', { pipeline: { drop: ['tokenize'] } })).toThrow(/requires "tokens"/);
    expect(() => extract('x', { pipeline: { drop: ['nope'] } })).toThrow(/E_STAGE_NOT_FOUND/);
  });
});

describe('a stage that throws', () => {
  it('costs the document that stage only, as a diagnostic; later stages still run', () => {
    const broken = defineStage({ name: 'broken', requires: ['tokens'], provides: [], run() { throw new TypeError('boom'); } });
    const g = extract('One. Two.', { pipeline: { add: [{ stage: broken, after: 'tokenize' }] } });
    expect(g.diagnostics).toEqual([{ code: 'E_STAGE_FAILED', severity: 'error', stage: 'broken', message: 'stage "broken" failed on this text (boom); its annotations may be missing or partial' }]);
    expect(g.nodes.filter((n) => n.type === 'sentence')).toHaveLength(2);
    expectValidGraph(g);
  });
});

describe('extract() options and errors', () => {
  it.each([
    ['a number as text', () => extract(42 as unknown as string), /E_TEXT_TYPE/],
    ['options not an object', () => extract('x', 'today' as never), /E_OPTIONS_TYPE/],
    ['an unknown option', () => extract('x', { publised: '2025-01-01' } as never), /Unknown option "publised"/],
    ['a published date that is not ISO', () => extract('x', { published: 'yesterday' }), /ISO 8601/],
    ['an invalid Date', () => extract('x', { published: new Date('nope') }), /invalid Date/],
    ['a title that is not a string', () => extract('x', { title: 3 as never }), /"title" must be a string/],
    ['extractAll over a non-iterable', () => [...extractAll(3 as never)], /E_INPUT_ITERABLE/],
  ])('%s throws a coded error', (_what, call, message) => {
    expect(call).toThrow(QuotegraphOptionsError);
    expect(call).toThrow(message);
  });

  it('keeps the publication date in meta', () => {
    expect(extract('Talks ended.', { published: '2025-11-26' }).meta).toMatchObject({ published: '2025-11-26', publishedSource: 'options' });
    expect(extract('Talks ended.', { published: new Date('2025-11-26T08:00:00Z') }).meta.published).toBe('2025-11-26T08:00:00.000Z');
  });

  it('records per-stage timings when asked', () => {
    const g = extract('Talks ended.', { timings: true });
    expect(Object.keys(g.meta.timings as object)).toEqual(getDefaultPipeline().names);
  });

  it('extractAll yields graphs in input order, with per-input options', () => {
    const graphs = [...extractAll(['First one.', { text: 'Second one.', options: { published: '2025-01-02' } }, 'Third.'])];
    expect(graphs.map((g) => g.text)).toEqual(['First one.', 'Second one.', 'Third.']);
    expect(graphs[1]!.meta.published).toBe('2025-01-02');
    for (const g of graphs) expectValidGraph(g);
  });

  it('works lazily over a generator', () => {
    function* texts(): Generator<string> {
      for (let i = 0; i < 3; i++) yield `Sentence ${i}.`;
    }
    const it = extractAll(texts());
    expect(it.next().value?.text).toBe('Sentence 0.');
  });
});
