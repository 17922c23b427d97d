import { describeValue } from '../errors.js';
import { checkGraph } from '../graph/check.js';
import type { AnnotationGraph } from '../graph/types.js';

/**
 * Whether a parsed JSONL line is a graph the index can take: the envelope, and every field
 * the indexer reads with the type it reads it as. A line that is valid JSON but of another
 * shape (no `meta`, a `null` node, a `null` name, a string offset) is refused here, before
 * anything is queued, so that it is skipped alone and never aborts a batch.
 */

/** The types a field may have, as named in a message. */
type Kind = 'object' | 'array' | 'string' | 'whole number' | 'array of strings';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const KIND_TEST: Record<Kind, (v: unknown) => boolean> = {
  object: isObject,
  array: Array.isArray,
  string: (v) => typeof v === 'string',
  'whole number': Number.isSafeInteger,
  'array of strings': (v) => Array.isArray(v) && v.every((x) => typeof x === 'string'),
};

const wrong = (path: string, v: unknown, kind: Kind): string => `${path} is ${describeValue(v)}, not ${kind === 'object' || kind === 'array' ? 'an' : 'a'} ${kind}`;

/** The first field of `o` (named `path` in messages) that is not of its kind; optional fields may be absent. */
function fieldProblem(o: Record<string, unknown>, path: string, required: Readonly<Record<string, Kind>>, optional: Readonly<Record<string, Kind>> = {}): string | undefined {
  for (const [k, kind] of Object.entries(required)) if (!KIND_TEST[kind](o[k])) return wrong(`${path}.${k}`, o[k], kind);
  for (const [k, kind] of Object.entries(optional)) if (o[k] !== undefined && !KIND_TEST[kind](o[k])) return wrong(`${path}.${k}`, o[k], kind);
  return undefined;
}

const SPAN = { id: 'string', type: 'string', start: 'whole number', end: 'whole number' } as const;
const WITH_TEXT = { ...SPAN, text: 'string' } as const;
const MENTION = { ...WITH_TEXT, form: 'string' } as const;

/** Fields by node type, as the indexer reads them; a node of a type not listed here needs a span. */
const NODE_FIELDS: Record<string, { required: Record<string, Kind>; optional?: Record<string, Kind> }> = {
  article: { required: SPAN, optional: { title: 'string', outlet: 'string', published: 'string', publishedValue: 'string' } },
  quote: { required: MENTION },
  cue: { required: WITH_TEXT, optional: { lemma: 'string' } },
  person: { required: MENTION },
  place: { required: MENTION },
  organization: { required: MENTION },
  agency: { required: MENTION },
  date: { required: MENTION, optional: { value: 'string' } },
  entity: { required: { id: 'string', type: 'string', kind: 'string', name: 'string', aliases: 'array of strings' }, optional: { roles: 'array of strings' } },
};

/** Why a node or edge list is not of the shape the index reads, if it is not. */
function itemsProblem(items: readonly unknown[], path: string, fieldsOf: (item: Record<string, unknown>) => { required: Record<string, Kind>; optional?: Record<string, Kind> }): string | undefined {
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!isObject(item)) return wrong(`${path}[${i}]`, item, 'object');
    const fields = fieldsOf(item);
    const problem = fieldProblem(item, `${path}[${i}]`, fields.required, fields.optional);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

const nodeFields = (n: Record<string, unknown>) => (typeof n.type === 'string' ? NODE_FIELDS[n.type] : undefined) ?? { required: SPAN };
const EDGE_FIELDS = { required: { type: 'string', from: 'string', to: 'string' } as Record<string, Kind> };

/**
 * Why a parsed JSONL line cannot be indexed, or undefined when it can: not a quotegraph
 * graph, another format version, no id, a field of the wrong shape, or a graph that is
 * not sound by `checkGraph` (a span outside the text, an edge to a missing node…).
 */
export function graphProblem(value: unknown): string | undefined {
  if (!isObject(value) || value.format !== 'quotegraph' || !Array.isArray(value.nodes) || !Array.isArray(value.edges) || typeof value.text !== 'string') {
    return 'not a quotegraph annotation graph';
  }
  if (value.version !== 1) return `graph format version ${String(value.version)}; this quotegraph reads version 1`;
  if (typeof value.id !== 'string' || value.id.length === 0) return 'graph has no id (graphs from quotegraph extract carry one)';
  const shape = fieldProblem(value, 'graph', { meta: 'object', diagnostics: 'array' })
    ?? fieldProblem(value.meta as Record<string, unknown>, 'meta', {}, { published: 'string', outlet: 'string', title: 'string', url: 'string' })
    ?? itemsProblem(value.nodes, 'nodes', nodeFields)
    ?? itemsProblem(value.edges, 'edges', () => EDGE_FIELDS)
    ?? itemsProblem(value.diagnostics as unknown[], 'diagnostics', () => ({ required: { code: 'string', message: 'string' }, optional: { start: 'whole number', end: 'whole number' } }));
  if (shape !== undefined) return `graph of the wrong shape: ${shape.replace(/^graph\./, '')}`;
  const unsound = checkGraph(value as unknown as AnnotationGraph);
  if (unsound.length > 0) return `graph is not sound: ${unsound[0]}${unsound.length > 1 ? ` (and ${unsound.length - 1} more problems)` : ''}`;
  return undefined;
}
