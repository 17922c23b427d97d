/**
 * The catalogue of coded errors. Only misuse of the API throws; findings about the
 * text itself go to `graph.diagnostics`. Each message says how to fix the problem.
 */
export const ERROR_CODES = {
  E_TEXT_TYPE: 'extract() takes a string of text',
  E_OPTIONS_TYPE: 'options must be a plain object',
  E_OPTION_VALUE: 'an option has a value of the wrong type or shape',
  E_UNKNOWN_OPTION: 'an option name is not known',
  E_STAGE_DEFINITION: 'a stage definition is malformed',
  E_STAGE_ORDER: 'a stage requires something no earlier stage provides',
  E_STAGE_NOT_FOUND: 'a stage named in a pipeline edit does not exist',
  E_STAGE_DUPLICATE: 'two stages have the same name',
  E_STAGE_FAILED: 'a stage threw on the text (a bug, not misuse): never thrown, reported as the graph\'s diagnostic of that code (see DIAGNOSTICS)',
  E_INPUT_ITERABLE: 'extractAll() takes an iterable of strings or { text, options } records',
  E_GRAPH_TYPE: 'query() and checkGraph() take an annotation graph',
  E_ARGUMENT_TYPE: 'a method was called with an argument of the wrong type',
  E_QUERY_BOUND: 'a search query is longer or has more (prefix) terms than a search takes',
  E_DB_FOLDER: 'the quote index path names a folder, not a file',
  E_DB_MISSING: 'there is no quote index at the path given to read',
  E_DB_NOT_INDEX: 'the quote index path names a file that is not a quotegraph index (a JSONL file, another SQLite database)',
  E_DB_EMPTY: 'the quote index file holds no index yet',
  E_DB_NEWER: 'the quote index was written by a newer quotegraph',
  E_DB_OPEN: 'the quote index cannot be opened',
  E_DB_SCHEMA: 'the PostgreSQL database is not at the schema of this quotegraph (run quotegraph db migrate)',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class QuotegraphError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(`${code}: ${message}`);
    this.name = 'QuotegraphError';
    this.code = code;
  }
}

/** Misuse of options or arguments. */
export class QuotegraphOptionsError extends QuotegraphError {
  constructor(code: 'E_TEXT_TYPE' | 'E_OPTIONS_TYPE' | 'E_OPTION_VALUE' | 'E_UNKNOWN_OPTION' | 'E_INPUT_ITERABLE' | 'E_GRAPH_TYPE' | 'E_ARGUMENT_TYPE' | 'E_QUERY_BOUND', message: string) {
    super(code, message);
    this.name = 'QuotegraphOptionsError';
  }
}

/** A pipeline that cannot run as assembled. */
export class QuotegraphPipelineError extends QuotegraphError {
  constructor(code: 'E_STAGE_DEFINITION' | 'E_STAGE_ORDER' | 'E_STAGE_NOT_FOUND' | 'E_STAGE_DUPLICATE', message: string) {
    super(code, message);
    this.name = 'QuotegraphPipelineError';
  }
}

/** A short description of a value for an error message ("an array", 'number 42', 'bigint 10n'). */
export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  switch (typeof v) {
    case 'object': return 'an object';
    case 'undefined': return 'undefined';
    case 'function': return 'a function';
    case 'symbol': return 'a symbol';
    case 'bigint': return `bigint ${String(v).slice(0, 40)}n`;
    default: return `${typeof v} ${JSON.stringify(v).slice(0, 40)}`;
  }
}
