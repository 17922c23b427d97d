/**
 * Coreference: pronouns tied to the entities of the document (issue 13). A library module for
 * now: `resolvePronouns(graph)` reads a graph `extract` made; it is not yet a pipeline stage.
 */
export { resolvePronouns, type ResolvedPronoun } from './sieve.js';
export { findPronouns, type PronounSpan } from './pronouns.js';
export { candidateAntecedents, type Candidate, type GrammaticalRole } from './candidates.js';
