import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';

// Issue 13, roles: titles and appositions as written, with acronyms and the capitals of
// institutions kept ("White House press secretary", "former CIA director"), title words in
// lower case, abbreviated titles spelled out ("Sen." → "senator") so that one role reads the
// same however it is written, and no fragments. Each row lists every entity with roles.

function roles(text: string): Array<[string, string[]]> {
  const g = extract(text);
  return g.nodes.flatMap((n) => (n.type === 'entity' && n.roles && n.roles.length > 0 ? [[n.name, [...n.roles]] as [string, string[]]] : []));
}

const ROWS: Array<[string, string, Array<[string, string[]]>]> = [
  ['an abbreviated title spelled out', 'Sen. Tim Scott said the bill would pass.', [['Tim Scott', ['senator']]]],
  ['"Rep." and "representative" read the same', 'Rep. Jim Jordan said the bill would fail. Representative Jim Jordan said it again.', [['Jim Jordan', ['representative']]]],
  ['an institution keeps its capitals', 'White House press secretary Josh Earnest said it would not.', [['Josh Earnest', ['White House press secretary']]]],
  ['the Supreme Court and the House', 'Supreme Court Justice Thurgood Marshall wrote the opinion. House Speaker Paul Ryan agreed.', [['Thurgood Marshall', ['Supreme Court justice']], ['Paul Ryan', ['House speaker']]]],
  ['an acronym keeps its case in an apposition', 'William Burns, former CIA director and veteran US diplomat, said talks were possible.', [['William Burns', ['former CIA director', 'veteran US diplomat']]]],
  ['a sentence-initial title word is lower case', 'Former Secretary of State John Kerry said the deal held.', [['John Kerry', ['former secretary of state']]]],
];

describe('roles as written', () => {
  it.each(ROWS)('%s', (_kind, text, want) => {
    expect(roles(text)).toEqual(want);
  });
});
