import type {
  AnnotationGraph, CreditRole, Diagnostic, DiagnosticSeverity, EdgeType, GraphEdge, GraphMeta, GraphNode, NodeType,
} from './types.js';
import { DIAGNOSTICS, diagnostic } from '../diagnostics.js';
import { isSpace } from '../text/space.js';
import { FORMAT, VERSION } from './types.js';

/**
 * A node under construction. Stages keep the ref and may update `fields` until the
 * graph is built; ids are given only at `build()`, after sorting, so they are stable
 * for the same input whatever order the stages added nodes in.
 */
export interface NodeRef {
  readonly type: NodeType;
  /** Absent for entities. */
  readonly start: number;
  readonly end: number;
  fields: Record<string, unknown>;
  /** Set when the node was removed; edges to it are dropped. */
  removed?: boolean;
}

interface PendingEdge {
  type: EdgeType;
  from: NodeRef;
  to: NodeRef;
  role?: CreditRole | undefined;
}

/** Types whose nodes carry `text` (mentions, quotes, cues). */
const TEXT_TYPES = new Set<string>(['person', 'place', 'organization', 'agency', 'date', 'quote', 'cue']);
const ID_PREFIX: Record<string, string> = {
  article: 'a', sentence: 's', person: 'm', place: 'm', organization: 'm', agency: 'm', date: 'm',
  quote: 'q', cue: 'c', entity: 'e',
};
/** Tie-break order for nodes starting at the same offset: containers first. */
const TYPE_RANK: Record<string, number> = {
  article: 0, sentence: 1, quote: 2, person: 3, organization: 4, agency: 5, place: 6, date: 7, cue: 8,
};

/** Shrinks `[start, end)` so that it neither starts nor ends with white space. */
export function trimSpan(text: string, start: number, end: number): [number, number] {
  let s = Math.max(0, start);
  let e = Math.min(text.length, end);
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return [s, e];
}

/** `localeCompare`'s order (the same default collation), without building a collator per call. */
const COLLATOR = new Intl.Collator();
const LETTERS = /^[a-z]+$/;

export class GraphBuilder {
  readonly meta: Record<string, unknown> = {};
  private readonly nodes: NodeRef[] = [];
  private readonly edges: PendingEdge[] = [];
  private readonly diagnostics: Diagnostic[] = [];

  constructor(readonly text: string) {}

  /**
   * Adds a node with a span. The span is trimmed of white space; an empty span adds
   * nothing and returns undefined.
   */
  addSpan(type: Exclude<NodeType, 'entity'>, start: number, end: number, fields: Record<string, unknown> = {}): NodeRef | undefined {
    const [s, e] = trimSpan(this.text, start, end);
    if (e <= s) return undefined;
    const ref: NodeRef = { type, start: s, end: e, fields: { ...fields } };
    this.nodes.push(ref);
    return ref;
  }

  addEntity(fields: Record<string, unknown>): NodeRef {
    const ref: NodeRef = { type: 'entity', start: -1, end: -1, fields: { ...fields } };
    this.nodes.push(ref);
    return ref;
  }

  addEdge(type: EdgeType, from: NodeRef, to: NodeRef, role?: CreditRole): void {
    this.edges.push({ type, from, to, role });
  }

  /** Removes a node; the edges that touch it are dropped at build time. */
  remove(ref: NodeRef): void {
    ref.removed = true;
  }

  /** The stage running now (set by the pipeline): the `stage` of a diagnostic whose code is not in `DIAGNOSTICS`. */
  stage: string | undefined;

  /** Reports a finding about the text; its severity and stage come from `DIAGNOSTICS` (`detail` may set them and a `rule`). */
  diagnostic(code: string, message: string, start?: number, end?: number, detail: { severity?: DiagnosticSeverity; stage?: string; rule?: string } = {}): void {
    let span: { start?: number; end?: number } = {};
    if (start !== undefined && end !== undefined) {
      const s = Math.max(0, Math.min(start, this.text.length));
      span = { start: s, end: Math.max(s, Math.min(end, this.text.length)) };
    }
    const stage = detail.stage ?? (Object.hasOwn(DIAGNOSTICS, code) ? undefined : this.stage);
    this.diagnostics.push(diagnostic(code, message, { ...span, ...detail, ...(stage !== undefined ? { stage } : {}) }));
  }

  build(): AnnotationGraph {
    const live = this.nodes.filter((n) => !n.removed);
    const spanned = live.filter((n) => n.type !== 'entity');
    spanned.sort((a, b) =>
      a.start - b.start || (TYPE_RANK[a.type] ?? 99) - (TYPE_RANK[b.type] ?? 99) || b.end - a.end);
    const entities = live.filter((n) => n.type === 'entity');
    // Entities follow the spanned nodes, in the order of their first mention.
    const firstMention = new Map<NodeRef, number>();
    for (const e of this.edges) {
      if (e.type !== 'mentionOf' || e.from.removed || e.to.removed) continue;
      const prev = firstMention.get(e.to);
      if (prev === undefined || e.from.start < prev) firstMention.set(e.to, e.from.start);
    }
    const entityOrder = new Map(entities.map((e, i) => [e, i] as const));
    entities.sort((a, b) =>
      (firstMention.get(a) ?? Infinity) - (firstMention.get(b) ?? Infinity) ||
      (entityOrder.get(a) ?? 0) - (entityOrder.get(b) ?? 0));

    const ids = new Map<NodeRef, string>();
    const numbers = new Map<NodeRef, number>();
    const counters = new Map<string, number>();
    const nodes: GraphNode[] = [];
    for (const ref of [...spanned, ...entities]) {
      const prefix = ID_PREFIX[ref.type] ?? ref.type;
      const n = counters.get(prefix) ?? 0;
      counters.set(prefix, n + 1);
      const id = `${prefix}${n}`;
      ids.set(ref, id);
      // edges sort by this number; an id that is not letters then digits sorts as 0
      numbers.set(ref, LETTERS.test(prefix) ? n : 0);
      const node: Record<string, unknown> = { id, type: ref.type };
      if (ref.type !== 'entity') {
        node.start = ref.start;
        node.end = ref.end;
        if (TEXT_TYPES.has(ref.type)) node.text = this.text.slice(ref.start, ref.end);
      }
      for (const [k, v] of Object.entries(ref.fields)) {
        if (v === undefined || k === 'id' || k === 'type' || k === 'start' || k === 'end' || k === 'text') continue;
        node[k] = v instanceof Set ? [...v] : Array.isArray(v) ? [...v] : v;
      }
      nodes.push(node as unknown as GraphNode);
    }

    const seen = new Set<string>();
    // edges by type, then by the number in their ids, then by the ids themselves, each
    // sort key computed once per edge (the comparator runs E log E times)
    const keyed: Array<{ edge: GraphEdge; type: string; fromN: number; from: string; toN: number; to: string }> = [];
    for (const e of this.edges) {
      const from = ids.get(e.from);
      const to = ids.get(e.to);
      if (from === undefined || to === undefined) continue;
      const key = `${e.type}\u0000${from}\u0000${to}\u0000${e.role ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const edge = (e.role === undefined ? { type: e.type, from, to } : { type: e.type, from, to, role: e.role }) as GraphEdge;
      keyed.push({ edge, type: e.type, fromN: numbers.get(e.from)!, from, toN: numbers.get(e.to)!, to });
    }
    keyed.sort((a, b) => (a.type === b.type ? 0 : COLLATOR.compare(a.type, b.type)) || a.fromN - b.fromN || (a.from === b.from ? 0 : COLLATOR.compare(a.from, b.from)) || a.toN - b.toN || (a.to === b.to ? 0 : COLLATOR.compare(a.to, b.to)));
    const edges = keyed.map((k) => k.edge);

    return {
      format: FORMAT,
      version: VERSION,
      offsetUnit: 'utf16',
      text: this.text,
      meta: { ...this.meta } as GraphMeta,
      nodes,
      edges,
      diagnostics: [...this.diagnostics],
    };
  }
}
