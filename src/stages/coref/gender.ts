/**
 * The gender of a person entity: from an honorific or gendered title before any of its
 * mentions ("Ms. May", "Congresswoman Ocasio-Cortez"), a gendered role, or the first name
 * of its fullest name (compromise's first-name lists, through the entity stage). Earlier
 * resolved pronouns add to it in the sieve.
 */
import titles from '../../lexicon/titles.json';
import { firstNameGender } from '../entities/features.js';
import type { EntityNode } from '../../graph/types.js';
import type { Candidate } from './candidates.js';

export type Gender = 'male' | 'female' | undefined;

const GENDERED = new Map<string, string>([
  ...Object.entries(titles.honorifics as Record<string, string>),
  ...Object.entries(titles.gendered as Record<string, string>),
]);

function gendered(word: string): Gender {
  const g = GENDERED.get(word.toLowerCase());
  return g === 'male' || g === 'female' ? g : undefined;
}

/** The gender the words just before a mention tell ("Mr.", "Queen"). */
function genderBefore(text: string, start: number): Gender {
  const m = /([A-Za-z]+\.?)\s+$/.exec(text.slice(Math.max(0, start - 20), start));
  return m ? gendered(m[1]!) ?? gendered(m[1]!.replace(/\.$/, '')) : undefined;
}

/** A person entity's gender from what the text says of it, where it says anything. */
export function entityGender(text: string, entity: EntityNode, mentions: readonly Candidate[]): Gender {
  if (entity.kind !== 'person') return undefined;
  for (const c of mentions) {
    const words = c.mention.text.split(/\s+/);
    const g = gendered(words[0]!) ?? gendered(words[0]!.replace(/\.$/, '')) ?? genderBefore(text, c.mention.start);
    if (g) return g;
  }
  for (const role of entity.roles ?? []) {
    for (const w of role.split(/\s+/)) {
      const g = gendered(w);
      if (g) return g;
    }
  }
  for (const name of [entity.name, ...entity.aliases]) {
    const first = name.split(/\s+/)[0];
    const g = first ? firstNameGender(first) : undefined;
    if (g) return g;
  }
  return undefined;
}
