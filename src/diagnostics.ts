/**
 * The catalogue of diagnostics: findings about the input text (never misuse of the API,
 * which throws a `QuotegraphError`). Every diagnostic in a graph is
 * `{ code, severity, stage, message, start?, end?, rule? }`; `docs/annotation-graph.md`
 * has the table of codes.
 *
 * Codes are stable: format version 1 keeps each code as it was first written, so a user's
 * `d.code === 'quote-unclosed'` or `d.code === 'E_STAGE_FAILED'` keeps working. The upper-case
 * codes (`E_…`, `W_HTML_…`) are the older style; every code added from now on is kebab-case
 * `<stage>-<finding>`, the style most codes already have. `severity` and `stage` carry what the
 * upper-case prefixes used to encode, so no code needs renaming to be read.
 */
import type { Diagnostic, DiagnosticSeverity } from './graph/types.js';

export interface DiagnosticInfo {
  readonly severity: DiagnosticSeverity;
  /** The stage (or reader) that reports it; for `E_STAGE_FAILED`, the stage that threw is given on each diagnostic. */
  readonly stage: string;
  /** When it is reported, in one line. */
  readonly summary: string;
}

export const DIAGNOSTICS = {
  E_STAGE_FAILED: { severity: 'error', stage: '(the stage that threw)', summary: 'a stage threw on this text (a bug); its annotations may be missing or partial, the later stages still ran' },
  'layout-no-story': { severity: 'warning', stage: 'layout', summary: 'no story start on the page (no dateline, no paragraph of running text); its articles, datelines and credits may be missing' },
  'sentence-too-long': { severity: 'warning', stage: 'segment', summary: 'a sentence longer than the segmenter reads at once was cut into pieces' },
  'quote-unopened': { severity: 'warning', stage: 'quotes', summary: 'a closing quotation mark with no opening mark before it in its paragraph' },
  'quote-unclosed': { severity: 'warning', stage: 'quotes', summary: 'an opening quotation mark never closed in its paragraph; the quotation is taken to end with its sentence' },
  'quote-nesting-cut': { severity: 'warning', stage: 'quotes', summary: 'quotes nested more than 3 deep inside other quotes of their sentence were left out' },
  W_HTML_DEEP: { severity: 'warning', stage: 'html', summary: 'the page nests elements deeper than 100 levels: the whole body was read, no article looked for' },
  W_HTML_WIDE: { severity: 'warning', stage: 'html', summary: 'an element holds more than 2,000 children: the whole body was read, no article looked for' },
  W_HTML_UNREADABLE: { severity: 'warning', stage: 'html', summary: 'Readability failed on the page: the whole body of a fresh parse was read' },
  W_HTML_NO_TEXT: { severity: 'warning', stage: 'html', summary: 'the page holds no article text: nothing was read' },
  W_HTML_DATE: { severity: 'warning', stage: 'html', summary: "the page's publication time is not a date; relative dates were not resolved against it" },
  'input-encoding': { severity: 'info', stage: 'input', summary: '`quotegraph extract`: the file was not UTF-8 and was decoded (Windows-1252 / Latin-1, or UTF-16 with a byte-order mark)' },
  'input-published': { severity: 'warning', stage: 'input', summary: "`quotegraph extract`: a record's publication field is not a date; ignored" },
  'input-field': { severity: 'warning', stage: 'input', summary: "`quotegraph extract`: a record's title, outlet or url field is not a non-empty string; ignored" },
} as const satisfies Record<string, DiagnosticInfo>;

/** A code of the catalogue. Stages of your own may report codes of their own too. */
export type DiagnosticCode = keyof typeof DIAGNOSTICS;

/** Where a diagnostic points and what else it says. */
export interface DiagnosticDetail {
  readonly start?: number;
  readonly end?: number;
  /** The rule that reported it, where a stage has named rules. */
  readonly rule?: string;
  /** Overrides the catalogue's stage (a code outside the catalogue takes the running stage's name). */
  readonly stage?: string;
  /** Overrides the catalogue's severity (a code outside the catalogue is a `warning`). */
  readonly severity?: DiagnosticSeverity;
}

const KNOWN: Readonly<Record<string, DiagnosticInfo>> = DIAGNOSTICS;

/** A diagnostic with its severity and stage from the catalogue, keys in the documented order. */
export function diagnostic(code: string, message: string, detail: DiagnosticDetail = {}): Diagnostic {
  const info = Object.hasOwn(KNOWN, code) ? KNOWN[code] : undefined;
  const d: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = {
    code,
    severity: detail.severity ?? info?.severity ?? 'warning',
    stage: detail.stage ?? info?.stage ?? 'unknown',
    message,
  };
  if (detail.start !== undefined && detail.end !== undefined) {
    d.start = detail.start;
    d.end = detail.end;
  }
  if (detail.rule !== undefined) d.rule = detail.rule;
  return d;
}
