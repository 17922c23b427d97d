import { describe, expect, it } from 'vitest';
import { FAMILIES, generate, runCase } from './helpers/fuzz.js';

// A fast seeded slice of `npm run fuzz`: the same generators and checks, fewer cases.
describe('fuzz slice (issue 17)', () => {
  it.each(FAMILIES)('%s: 150 seeded hostile inputs give sound graphs', (family) => {
    const failures: string[] = [];
    for (let i = 0; i < 150; i++) {
      const input = generate(family, 17, i);
      const problem = runCase(family, input);
      if (problem !== undefined) failures.push(`#${i}: ${problem}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('the generators are seeded: the same case twice is the same input, another case differs', () => {
    expect(generate('quote-soup', 17, 3)).toBe(generate('quote-soup', 17, 3));
    expect(generate('quote-soup', 17, 3)).not.toBe(generate('quote-soup', 17, 4));
  });
});
