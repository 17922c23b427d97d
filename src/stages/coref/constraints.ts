/**
 * The hard agreement constraints of Lee et al. 2013's pronoun sieve, for quotegraph's
 * mention kinds: a gendered pronoun ("he", "her") only to a person of no other known gender;
 * "it"/"its" only to a non-person; "they"/"them"/"their" to organizations, agencies and plural
 * nominal groups ("Polish authorities"), never to one named person or a place.
 */
import type { Candidate } from './candidates.js';
import type { Gender } from './gender.js';
import type { PronounSpan } from './pronouns.js';

const PLURAL_NOMINAL = /\b[a-z]+s$/;

export function agrees(pronoun: PronounSpan, candidate: Candidate, gender: Gender): boolean {
  const { kind } = candidate;
  if (pronoun.gender === 'male' || pronoun.gender === 'female') {
    return kind === 'person' && (gender === undefined || gender === pronoun.gender);
  }
  if (pronoun.gender === 'neuter') return kind === 'organization' || kind === 'agency' || kind === 'place';
  if (kind === 'organization' || kind === 'agency') return true;
  return kind === 'person' && candidate.mention.form === 'nominal' && PLURAL_NOMINAL.test(candidate.mention.text);
}
