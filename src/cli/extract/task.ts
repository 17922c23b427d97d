import { diagnostic } from '../../diagnostics.js';
import { extract } from '../../extract.js';
import type { extractHtml as ExtractHtml } from '../../html/index.js';
import type { ExtractOptions } from '../../pipeline/options.js';
import type { InputNote } from './inputs.js';
import type { DocMeta } from './record-meta.js';

/** One document sent to a worker. */
export interface ExtractTask {
  readonly id: string;
  readonly text: string;
  readonly html: boolean;
  readonly published?: string;
  /** Title, outlet and url the record or the folder's manifest gives. */
  readonly meta?: DocMeta;
  /** Findings about the input itself (its encoding…), added to the graph's diagnostics. */
  readonly notes: readonly InputNote[];
  /** The library's `extractParallel`: the options to extract with, in place of `published` and `meta`. */
  readonly options?: Omit<ExtractOptions, 'pipeline'>;
  /** The library's `extractParallel`: the graph as `extract` returns it, with no `id`. */
  readonly bare?: boolean;
}

/** A worker's answer: the graph as one JSONL line, or the error that stopped it. */
export type ExtractResult =
  | { readonly ok: true; readonly line: string; readonly words: number }
  | { readonly ok: false; readonly error: string; readonly words: number };

/** An answer as a pool worker sends it: tagged with the worker thread that ran the task. */
export type WorkerAnswer = ExtractResult & { readonly thread?: number };

/** Words in a text, counted cheaply (runs of non-space), for the words/s figure. */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || c === 0xa0;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/**
 * The HTML stack (linkedom, Readability), loaded on the first web page: it costs each worker
 * about 20 MB of memory and its load time, and most corpora are plain text.
 */
let html: Promise<typeof ExtractHtml> | undefined;
const loadHtml = (): Promise<typeof ExtractHtml> => (html ??= import('../../html/index.js').then((m) => m.extractHtml));

/**
 * Extracts one document (a web page through `extractHtml`) and serialises its graph (in the worker, so the main thread
 * only writes). An exception is this document's error, never the run's. Plain text is
 * extracted synchronously; a web page waits for the HTML stack the first time.
 */
export function runExtractTask(task: ExtractTask): ExtractResult | Promise<ExtractResult> {
  if (task.html) return loadHtml().then((extractHtml) => extractOne(task, extractHtml), (err: unknown) => failed(task, err));
  return extractOne(task, undefined);
}

function extractOne(task: ExtractTask, extractHtml: typeof ExtractHtml | undefined): ExtractResult {
  const words = countWords(task.text);
  try {
    if (task.bare) return { ok: true, line: JSON.stringify(extract(task.text, task.options)), words };
    const m = task.meta;
    const options: ExtractOptions = {
      ...(task.published === undefined ? {} : { published: task.published }),
      ...(m?.title === undefined ? {} : { title: m.title }),
      ...(m?.outlet === undefined ? {} : { outlet: m.outlet }),
    };
    const graph = extractHtml ? extractHtml(task.text, options) : extract(task.text, options);
    const diagnostics = task.notes.length === 0
      ? graph.diagnostics
      : [...task.notes.map((n) => diagnostic(n.code, n.message)), ...graph.diagnostics];
    const meta = m?.title === undefined && m?.url === undefined ? graph.meta : { ...graph.meta, ...(m.title === undefined ? {} : { title: m.title }), ...(m.url === undefined ? {} : { url: m.url }) };
    // `id` leads the line so that --resume can read it without parsing the graph.
    const line = JSON.stringify({ id: task.id, ...graph, meta, diagnostics });
    return { ok: true, line, words };
  } catch (err) {
    return failed(task, err, words);
  }
}

function failed(task: ExtractTask, err: unknown, words = countWords(task.text)): ExtractResult {
  return { ok: false, error: `extraction failed: ${err instanceof Error ? err.message : String(err)}`, words };
}
