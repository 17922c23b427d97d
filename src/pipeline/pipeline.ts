import { QuotegraphError, QuotegraphPipelineError, describeValue } from '../errors.js';
import type { AnnotationGraph } from '../graph/types.js';
import { Doc } from './doc.js';
import { checkEdits, type PipelineEdits } from './edits.js';
import type { ResolvedOptions } from './resolved.js';
import { stageProblem, type Stage } from './stage.js';

export type { PipelineEdits } from './edits.js';

/** Layers every document has before any stage runs. */
export const INITIAL_LAYERS = ['text', 'view', 'options'] as const;

/** An ordered, checked list of stages. */
export class Pipeline {
  readonly stages: readonly Stage[];

  constructor(stages: readonly Stage[]) {
    checkStages(stages);
    checkOrder(stages);
    this.stages = [...stages];
  }

  get names(): string[] {
    return this.stages.map((s) => s.name);
  }

  /** A new pipeline with stages dropped, replaced or added; checked again. */
  edit(edits: PipelineEdits): Pipeline {
    checkEdits(edits);
    let stages = [...this.stages];
    const known = (name: string): void => {
      if (!stages.some((s) => s.name === name)) {
        throw new QuotegraphPipelineError('E_STAGE_NOT_FOUND', `No stage named "${name}"; the stages are: ${stages.map((s) => s.name).join(', ')}.`);
      }
    };
    for (const name of edits.drop ?? []) {
      known(name);
      stages = stages.filter((s) => s.name !== name);
    }
    for (const [name, stage] of Object.entries(edits.replace ?? {})) {
      known(name);
      stages = stages.map((s) => (s.name === name ? stage : s));
    }
    for (const { stage, after, before } of edits.add ?? []) {
      if (after !== undefined) {
        known(after);
        stages.splice(stages.findIndex((s) => s.name === after) + 1, 0, stage);
      } else if (before !== undefined) {
        known(before);
        stages.splice(stages.findIndex((s) => s.name === before), 0, stage);
      } else {
        stages.push(stage);
      }
    }
    return new Pipeline(stages);
  }

  /** Runs every stage over a fresh document and builds its graph. */
  run(text: string, options: ResolvedOptions): AnnotationGraph {
    return this.runDoc(text, options).graph.build();
  }

  /** Runs every stage and returns the document itself (for benchmarks and debugging). */
  runDoc(text: string, options: ResolvedOptions): Doc {
    const doc = new Doc(text, options);
    const timed = options.timings;
    for (const stage of this.stages) {
      const t0 = timed ? performance.now() : 0;
      runStage(stage, doc);
      if (timed) doc.timings[stage.name] = (doc.timings[stage.name] ?? 0) + performance.now() - t0;
    }
    return doc;
  }
}

/**
 * Runs one stage. A stage that throws on some text (a bug, not misuse) costs that
 * document the stage's annotations, reported as an `E_STAGE_FAILED` diagnostic, never
 * the whole graph; the later stages still run.
 */
function runStage(stage: Stage, doc: Doc): void {
  doc.graph.stage = stage.name;
  try {
    stage.run(doc);
  } catch (err) {
    if (err instanceof QuotegraphError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    doc.graph.diagnostic(STAGE_FAILED, `stage "${stage.name}" failed on this text (${message}); its annotations may be missing or partial`, undefined, undefined, { stage: stage.name });
  } finally {
    doc.graph.stage = undefined;
  }
}

/** The diagnostic code of a stage that threw. */
export const STAGE_FAILED = 'E_STAGE_FAILED';

/** Reports, at construction, a list that is not an array of stages. */
function checkStages(stages: unknown): void {
  if (!Array.isArray(stages)) {
    throw new QuotegraphPipelineError('E_STAGE_DEFINITION', `new Pipeline() takes an array of stages (see defineStage() and DEFAULT_STAGES), not ${describeValue(stages)}.`);
  }
  stages.forEach((stage: unknown, i) => {
    const problem = stageProblem(stage, `new Pipeline(): stage ${i}`);
    if (problem !== undefined) throw new QuotegraphPipelineError('E_STAGE_DEFINITION', problem);
  });
}

const quoted = (layers: readonly string[]): string => layers.map((l) => `"${l}"`).join(', ');

/**
 * Reports, at construction, a stage whose inputs nothing earlier provides: a layer it
 * `requires` that no earlier stage provides, or a layer it `reads` (and does not add to
 * itself) that only later stages provide, so that it would run before the layer is there.
 * Stages that add to one layer (mentions, entities) take their turns in pipeline order.
 */
function checkOrder(stages: readonly Stage[]): void {
  const provided = new Set<string>(INITIAL_LAYERS);
  const names = new Set<string>();
  const providers = (layers: readonly string[], where: readonly Stage[], self: Stage): string[] =>
    where.filter((s) => s !== self && s.provides.some((p) => layers.includes(p))).map((s) => `"${s.name}"`);
  for (const [i, stage] of stages.entries()) {
    if (names.has(stage.name)) {
      throw new QuotegraphPipelineError('E_STAGE_DUPLICATE', `Two stages are named "${stage.name}"; give each stage its own name.`);
    }
    names.add(stage.name);
    const missing = stage.requires.filter((r) => !provided.has(r));
    if (missing.length > 0) {
      const unprovided = missing.filter((m) => providers([m], stages, stage).length === 0);
      throw new QuotegraphPipelineError(
        'E_STAGE_ORDER',
        `Stage "${stage.name}" requires ${quoted(missing)}, which no earlier stage provides` +
          (unprovided.length > 0
            ? `; add a stage that provides ${quoted(unprovided)}.`
            : `; move it after ${providers(missing, stages, stage).join(', ')}.`),
      );
    }
    const early = (stage.reads ?? []).filter((r) => !provided.has(r) && !stage.provides.includes(r) && providers([r], stages.slice(i + 1), stage).length > 0);
    if (early.length > 0) {
      throw new QuotegraphPipelineError(
        'E_STAGE_ORDER',
        `Stage "${stage.name}" reads ${quoted(early)}, which only later stages provide; move it after ${providers(early, stages.slice(i + 1), stage).join(', ')}.`,
      );
    }
    for (const p of stage.provides) provided.add(p);
  }
}
