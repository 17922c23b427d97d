import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STAGES, Pipeline, QuotegraphError, checkGraph, defineStage, extract, query, type AnnotationGraph, type ErrorCode,
} from '../src/index.js';
import { extractHtml } from '../src/html/index.js';

/** The code and the whole message of what a call throws (fails when it throws nothing or an uncoded error). */
function thrown(call: () => unknown): { code: ErrorCode; message: string } {
  try {
    call();
  } catch (err) {
    expect(err).toBeInstanceOf(QuotegraphError);
    const e = err as QuotegraphError;
    return { code: e.code, message: e.message };
  }
  throw new Error('the call threw nothing');
}

const STAGES_GONE = 'Option "stages" is no longer taken: no stage read the settings given there. Give a stage of your own its settings when you build it (a function that returns defineStage({ name, requires, provides, run })) and put it in the pipeline with { pipeline: { add: [{ stage, after }] } } or { pipeline: { replace: { name: stage } } }.';
const GRAPH_FIX = 'pass the graph that extract() returned, or JSON.parse() of one line that quotegraph extract wrote';
const OPTIONS_NOT_OBJECT = (what: string): string => `E_OPTIONS_TYPE: options must be a plain object such as { published: '2025-11-26' }, not ${what}.`;
const marker = defineStage({ name: 'marker', requires: ['tokens'], provides: [], run() {} });
const as = <T>(v: unknown): T => v as T;

describe('API misuse gets a coded error that says how to fix the call', () => {
  it.each<[string, () => unknown, ErrorCode, string]>([
    ['published: 10n', () => extract('Hi.', { published: as(10n) }), 'E_OPTION_VALUE',
      'E_OPTION_VALUE: Option "published" must be an ISO 8601 date ("2025-11-26" or "2025-11-26T08:30:00Z") or a Date, not bigint 10n.'],
    ["published: '2025-02-30'", () => extract('Hi.', { published: '2025-02-30' }), 'E_OPTION_VALUE',
      'E_OPTION_VALUE: Option "published" is "2025-02-30", which is not a calendar date (month 01–12, a day the month has, a year 1000–2999); pass a real date such as "2025-11-26".'],
    ["published: '2025-13-01T10:00:00Z'", () => extract('Hi.', { published: '2025-13-01T10:00:00Z' }), 'E_OPTION_VALUE',
      'E_OPTION_VALUE: Option "published" is "2025-13-01T10:00:00Z", which is not a calendar date (month 01–12, a day the month has, a year 1000–2999); pass a real date such as "2025-11-26".'],
    ['published: a Date in year 50000', () => extract('Hi.', { published: new Date(Date.UTC(50000, 0, 1)) }), 'E_OPTION_VALUE',
      'E_OPTION_VALUE: Option "published" is "+050000-01-01T00:00:00.000Z", which is not a calendar date (month 01–12, a day the month has, a year 1000–2999); pass a real date such as "2025-11-26".'],
    ['pipeline: { add: [{}] }', () => extract('Hi.', { pipeline: { add: [as({})] } }), 'E_STAGE_DEFINITION',
      `E_STAGE_DEFINITION: Pipeline edit add[0] has no "stage"; write { stage: defineStage({ name, requires, provides, run }), after: 'quotes' }.`],
    ['pipeline: { add: [{ stage: 3 }] }', () => extract('Hi.', { pipeline: { add: [{ stage: as(3) }] } }), 'E_STAGE_DEFINITION',
      'E_STAGE_DEFINITION: Pipeline edit add[0].stage must be a stage object { name, requires, provides, run } (see defineStage()), not number 3.'],
    ['pipeline: { add: [{ stage, after: 3 }] }', () => extract('Hi.', { pipeline: { add: [{ stage: marker, after: as(3) }] } }), 'E_OPTION_VALUE',
      'E_OPTION_VALUE: Pipeline edit add[0].after must be the name of a stage (a string), not number 3.'],
    ['pipeline: { add: [{ stage, after, before }] }', () => extract('Hi.', { pipeline: { add: [{ stage: marker, after: 'tokenize', before: 'layout' }] } }), 'E_OPTION_VALUE',
      'E_OPTION_VALUE: Pipeline edit add[0] gives both "after" and "before"; give one of them.'],
    ['pipeline: { add: [{ stage, afer }] }', () => extract('Hi.', { pipeline: { add: [as({ stage: marker, afer: 'tokenize' })] } }), 'E_UNKNOWN_OPTION',
      'E_UNKNOWN_OPTION: Pipeline edit add[0] has an unknown field "afer"; the fields are: stage, after, before.'],
    ["pipeline: { add: 'x' }", () => extract('Hi.', { pipeline: { add: as('x') } }), 'E_OPTION_VALUE',
      `E_OPTION_VALUE: Pipeline edit "add" must be an array of { stage, after? } or { stage, before? } records, such as { add: [{ stage: myStage, after: 'quotes' }] }, not string "x".`],
    ["pipeline: { drop: 'quotes' }", () => extract('Hi.', { pipeline: { drop: as('quotes') } }), 'E_OPTION_VALUE',
      `E_OPTION_VALUE: Pipeline edit "drop" must be an array of stage names, such as { drop: ['credits'] }, not string "quotes".`],
    ['pipeline: { bogus: 1 }', () => extract('Hi.', { pipeline: as({ bogus: 1 }) }), 'E_UNKNOWN_OPTION',
      'E_UNKNOWN_OPTION: Unknown pipeline edit "bogus"; the edits are: drop, replace, add.'],
    ['pipeline: { replace: 5 }', () => extract('Hi.', { pipeline: { replace: as(5) } }), 'E_OPTION_VALUE',
      'E_OPTION_VALUE: Pipeline edit "replace" must be an object of stages by the name they replace, such as { replace: { quotes: myQuotes } }, not number 5.'],
    ['pipeline: { replace: { quotes: null } }', () => extract('Hi.', { pipeline: { replace: { quotes: as(null) } } }), 'E_STAGE_DEFINITION',
      'E_STAGE_DEFINITION: Pipeline edit replace.quotes must be a stage object { name, requires, provides, run } (see defineStage()), not null.'],
    ['pipeline: []', () => extract('Hi.', { pipeline: as([]) }), 'E_OPTION_VALUE',
      'E_OPTION_VALUE: Option "pipeline" must be a Pipeline or edits { drop, replace, add } (for a list of stages, pass new Pipeline([...stages])), not an array.'],
    ["new Pipeline('x')", () => new Pipeline(as('x')), 'E_STAGE_DEFINITION',
      'E_STAGE_DEFINITION: new Pipeline() takes an array of stages (see defineStage() and DEFAULT_STAGES), not string "x".'],
    ['new Pipeline([null])', () => new Pipeline([as(null)]), 'E_STAGE_DEFINITION',
      'E_STAGE_DEFINITION: new Pipeline(): stage 0 must be a stage object { name, requires, provides, run } (see defineStage()), not null.'],
    ['new Pipeline([tokenize, { name: "x" }])', () => new Pipeline([DEFAULT_STAGES[0]!, as({ name: 'x' })]), 'E_STAGE_DEFINITION',
      'E_STAGE_DEFINITION: new Pipeline(): stage 1: stage "x" needs a function `run(doc)`.'],
    ['Pipeline.edit(null)', () => new Pipeline(DEFAULT_STAGES).edit(as(null)), 'E_OPTION_VALUE',
      'E_OPTION_VALUE: Pipeline edits must be an object { drop, replace, add } (to run stages of your own, pass new Pipeline([...stages])), not null.'],
    ['query(null)', () => query(as(null)), 'E_GRAPH_TYPE', `E_GRAPH_TYPE: query() takes an annotation graph, not null; ${GRAPH_FIX}.`],
    ['query({ text: "x" })', () => query(as({ text: 'x' })), 'E_GRAPH_TYPE',
      `E_GRAPH_TYPE: query() takes an annotation graph; this object's "nodes" is undefined, not an array; ${GRAPH_FIX}.`],
    ['checkGraph(null)', () => checkGraph(as(null)), 'E_GRAPH_TYPE', `E_GRAPH_TYPE: checkGraph() takes an annotation graph, not null; ${GRAPH_FIX}.`],
    ['checkGraph({ text: 5 })', () => checkGraph(as({ text: 5, nodes: [], edges: [], diagnostics: [] })), 'E_GRAPH_TYPE',
      `E_GRAPH_TYPE: checkGraph() takes an annotation graph; this object's "text" is number 5, not a string; ${GRAPH_FIX}.`],
    ['findEntities(null)', () => query(extract('Hi.')).findEntities(as(null)), 'E_ARGUMENT_TYPE',
      "E_ARGUMENT_TYPE: findEntities() takes a name as a string, such as findEntities('Lavrov'), not null."],
    ['stages: { quotes: {} } (an option no stage read, now refused)', () => extract('Hi.', as({ stages: { quotes: {} } })), 'E_UNKNOWN_OPTION', `E_UNKNOWN_OPTION: ${STAGES_GONE}`],
    ["extractHtml(html, 'x')", () => extractHtml('<p>Hi.</p>', as('x')), 'E_OPTIONS_TYPE', OPTIONS_NOT_OBJECT('string "x"')],
    ['extractHtml(html, 5)', () => extractHtml('<p>Hi.</p>', as(5)), 'E_OPTIONS_TYPE', OPTIONS_NOT_OBJECT('number 5')],
    ['extractHtml(html, [])', () => extractHtml('<p>Hi.</p>', as([])), 'E_OPTIONS_TYPE', OPTIONS_NOT_OBJECT('an array')],
    ["extractHtml(html, { stages: {} })", () => extractHtml('<p>Hi.</p>', as({ stages: {} })), 'E_UNKNOWN_OPTION', `E_UNKNOWN_OPTION: ${STAGES_GONE}`],
    ["extractHtml(html, { pipeline: { drop: 'quotes' } })", () => extractHtml('<p>Hi.</p>', { pipeline: { drop: as('quotes') } }), 'E_OPTION_VALUE',
      `E_OPTION_VALUE: Pipeline edit "drop" must be an array of stage names, such as { drop: ['credits'] }, not string "quotes".`],
    ["extract(text, 'x')", () => extract('Hi.', as('x')), 'E_OPTIONS_TYPE', OPTIONS_NOT_OBJECT('string "x"')],
  ])('%s', (_what, call, code, message) => {
    expect(thrown(call)).toEqual({ code, message });
  });

  it('still takes every well-formed call', () => {
    const edited = extract('Talks ended.', { pipeline: { drop: ['credits'], add: [{ stage: marker, after: 'tokenize' }], replace: {} } });
    expect(edited.meta).toEqual({});
    expect(extract('Hi.', { published: '2024-02-29' }).meta).toEqual({ published: '2024-02-29', publishedSource: 'options' });
    expect(extract('Hi.', { published: '2024-02-29 10:30' }).meta).toEqual({ published: '2024-02-29T10:30', publishedSource: 'options' });
    expect(extractHtml('<p>Hi.</p>', { published: '2024-02-29' }).meta).toEqual({ published: '2024-02-29', publishedSource: 'options', html: { readable: true, title: '' } });
    const graph: AnnotationGraph = extract('Hi.');
    expect(query(graph).findEntities('nobody')).toEqual([]);
  });

  it('checkGraph names elements that are not objects instead of throwing', () => {
    const g = { ...extract('Hi.'), nodes: [null], edges: [7], diagnostics: ['x'] } as unknown as AnnotationGraph;
    expect(checkGraph(g)).toEqual(['node 0 is null, not a node object', 'edge 0 is number 7, not an edge object', 'diagnostic 0 is string "x", not a diagnostic object']);
  });
});
