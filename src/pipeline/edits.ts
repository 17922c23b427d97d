import { QuotegraphOptionsError, QuotegraphPipelineError, describeValue } from '../errors.js';
import { stageProblem, type Stage } from './stage.js';

/** Edits to the default stage list. */
export interface PipelineEdits {
  /** Drop these stages by name. */
  readonly drop?: readonly string[];
  /** Replace stages by name: `{ quotes: myQuoteStage }`. */
  readonly replace?: Readonly<Record<string, Stage>>;
  /** Add stages after the named one (or at the end when `after` is omitted). */
  readonly add?: ReadonlyArray<{ readonly stage: Stage; readonly after?: string; readonly before?: string }>;
}

const EDIT_KEYS = ['drop', 'replace', 'add'];
const ADD_KEYS = ['stage', 'after', 'before'];

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const badValue = (message: string): QuotegraphOptionsError => new QuotegraphOptionsError('E_OPTION_VALUE', message);

/**
 * Checks the shape of pipeline edits before any is applied, so that a misspelt key, a
 * string where a list belongs (`drop: 'quotes'`) or a record without a stage is a coded
 * error that says how to write the edit, not a TypeError or an edit silently ignored.
 */
export function checkEdits(edits: unknown): asserts edits is PipelineEdits {
  if (!isPlainObject(edits)) {
    throw badValue(`Pipeline edits must be an object { drop, replace, add } (to run stages of your own, pass new Pipeline([...stages])), not ${describeValue(edits)}.`);
  }
  for (const key of Object.keys(edits)) {
    if (!EDIT_KEYS.includes(key)) {
      throw new QuotegraphOptionsError('E_UNKNOWN_OPTION', `Unknown pipeline edit "${key}"; the edits are: ${EDIT_KEYS.join(', ')}.`);
    }
  }
  const { drop, replace, add } = edits;
  if (drop !== undefined && (!Array.isArray(drop) || drop.some((n) => typeof n !== 'string'))) {
    throw badValue(`Pipeline edit "drop" must be an array of stage names, such as { drop: ['credits'] }, not ${describeValue(drop)}.`);
  }
  if (replace !== undefined) {
    if (!isPlainObject(replace)) {
      throw badValue(`Pipeline edit "replace" must be an object of stages by the name they replace, such as { replace: { quotes: myQuotes } }, not ${describeValue(replace)}.`);
    }
    for (const [name, stage] of Object.entries(replace)) stageOrThrow(stage, `Pipeline edit replace.${name}`);
  }
  if (add !== undefined) {
    if (!Array.isArray(add)) {
      throw badValue(`Pipeline edit "add" must be an array of { stage, after? } or { stage, before? } records, such as { add: [{ stage: myStage, after: 'quotes' }] }, not ${describeValue(add)}.`);
    }
    add.forEach((record: unknown, i) => checkAddition(record, `Pipeline edit add[${i}]`));
  }
}

function checkAddition(record: unknown, where: string): void {
  if (!isPlainObject(record)) {
    throw badValue(`${where} must be a record { stage, after? } or { stage, before? }, not ${describeValue(record)}.`);
  }
  for (const key of Object.keys(record)) {
    if (!ADD_KEYS.includes(key)) throw new QuotegraphOptionsError('E_UNKNOWN_OPTION', `${where} has an unknown field "${key}"; the fields are: ${ADD_KEYS.join(', ')}.`);
  }
  if (record.stage === undefined) {
    throw new QuotegraphPipelineError('E_STAGE_DEFINITION', `${where} has no "stage"; write { stage: defineStage({ name, requires, provides, run }), after: 'quotes' }.`);
  }
  stageOrThrow(record.stage, `${where}.stage`);
  for (const key of ['after', 'before'] as const) {
    const v = record[key];
    if (v !== undefined && typeof v !== 'string') throw badValue(`${where}.${key} must be the name of a stage (a string), not ${describeValue(v)}.`);
  }
  if (record.after !== undefined && record.before !== undefined) {
    throw badValue(`${where} gives both "after" and "before"; give one of them.`);
  }
}

function stageOrThrow(stage: unknown, where: string): void {
  const problem = stageProblem(stage, where);
  if (problem !== undefined) throw new QuotegraphPipelineError('E_STAGE_DEFINITION', problem);
}
