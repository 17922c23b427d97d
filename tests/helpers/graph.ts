import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { checkGraph, type AnnotationGraph } from '../../src/index.js';

const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'schema', 'annotation-graph.v1.schema.json'), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

/**
 * Every graph a test produces goes through this: valid against the shipped JSON
 * Schema, sound by `checkGraph`, and unchanged by a JSON round trip.
 */
export function expectValidGraph(graph: AnnotationGraph): void {
  const ok = validate(graph);
  expect(ok ? [] : validate.errors).toEqual([]);
  expect(checkGraph(graph)).toEqual([]);
  expect(JSON.parse(JSON.stringify(graph))).toEqual(graph);
}

/** The (type, text) pairs of a graph's nodes of some types, in text order. */
export function spansOf(graph: AnnotationGraph, ...types: string[]): Array<[string, string]> {
  return graph.nodes
    .filter((n) => types.includes(n.type) && 'start' in n)
    .map((n) => [n.type, graph.text.slice((n as { start: number }).start, (n as { end: number }).end)]);
}
