/**
 * Furniture against story, line by line, on the test corpus's documents with layout
 * expectations: each line of a document (cut where an expected boilerplate span starts
 * or ends inside it, as a credit line glued to "Our Standards: …") is furniture when an
 * expected boilerplate span holds it, story otherwise; the pipeline calls it furniture
 * when none of its sentences overlaps it. Precision: of the lines the pipeline kept out
 * of its sentences, those that are furniture; recall: of the furniture lines, those it
 * kept out.
 */
import type { AnnotationGraph } from '../../src/index.js';

export interface FurnitureTally { tp: number; fp: number; fn: number; lines: number }

export interface Span { readonly start: number; readonly end: number }

/** The lines of a text as spans without their white space, cut at the given offsets. */
function units(text: string, cuts: readonly number[]): Span[] {
  const out: Span[] = [];
  const bounds = new Set(cuts);
  let start = 0;
  const push = (a: number, b: number): void => {
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (b > a) out.push({ start: a, end: b });
  };
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      push(start, i);
      start = i + 1;
    } else if (bounds.has(i) && i > start) {
      push(start, i);
      start = i;
    }
  }
  return out;
}

/** The tally of one document, with the lines it got wrong. */
export function furnitureTally(text: string, boilerplate: readonly Span[], graph: AnnotationGraph): { tally: FurnitureTally; problems: string[] } {
  const sentences = graph.nodes.filter((n) => n.type === 'sentence');
  const tally: FurnitureTally = { tp: 0, fp: 0, fn: 0, lines: 0 };
  const problems: string[] = [];
  for (const u of units(text, boilerplate.flatMap((b) => [b.start, b.end]))) {
    tally.lines++;
    const furniture = boilerplate.some((b) => b.start <= u.start && u.end <= b.end);
    const kept = !sentences.some((s) => s.start < u.end && s.end > u.start);
    const line = JSON.stringify(text.slice(u.start, u.end).slice(0, 80));
    if (furniture && kept) tally.tp++;
    else if (furniture) {
      tally.fn++;
      problems.push(`furniture read as story: ${line}`);
    } else if (kept) {
      tally.fp++;
      problems.push(`story line left out: ${line}`);
    }
  }
  return { tally, problems };
}
