import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { resolvePronouns } from '../src/stages/coref/index.js';

function resolved(text: string): Array<[string, number, string | null]> {
  return resolvePronouns(extract(text)).map((r) => [r.text, r.start, r.entity?.name ?? null]);
}

describe('resolvePronouns', () => {
  it('ties she/he to the person of matching gender', () => {
    expect(resolved('Angela Merkel met Emmanuel Macron in Paris. She said he was right.')).toEqual([
      ['She', 44, 'Angela Merkel'],
      ['he', 53, 'Emmanuel Macron'],
    ]);
  });
  it('ties it to an organization', () => {
    expect(resolved('Microsoft said it would cut jobs.')).toEqual([['it', 15, 'Microsoft']]);
  });
});
