/**
 * The hard agreement constraints of Lee et al. 2013's pronoun sieve, for quotegraph's
 * mention kinds: a gendered pronoun ("he", "her") only to one person of no other known
 * gender, never to a place, an organization or a group; "it"/"its" only to an organization,
 * an agency or a place; "they"/"them"/"their" to organizations, agencies and groups
 * ("Polish authorities"), never to one named person or a place.
 */
import type { Candidate } from './candidates.js';
import type { Gender } from './gender.js';
import type { PronounSpan } from './pronouns.js';

export function agrees(pronoun: PronounSpan, candidate: Candidate, gender: Gender): boolean {
  const { kind, entity } = candidate;
  if (pronoun.gender === 'male' || pronoun.gender === 'female') {
    return kind === 'person' && !entity.plural && (gender === undefined || gender === pronoun.gender);
  }
  if (pronoun.gender === 'neuter') return !entity.plural && (kind === 'organization' || kind === 'agency' || kind === 'place');
  return kind === 'organization' || kind === 'agency' || (kind === 'person' && entity.plural === true);
}
