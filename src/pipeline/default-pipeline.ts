import { DEFAULT_STAGES } from './defaults.js';
import { Pipeline } from './pipeline.js';

let defaultPipeline: Pipeline | undefined;

/** The default pipeline (built once). */
export function getDefaultPipeline(): Pipeline {
  defaultPipeline ??= new Pipeline(DEFAULT_STAGES);
  return defaultPipeline;
}
