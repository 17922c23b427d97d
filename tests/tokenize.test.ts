import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { tokenize } from '../src/text/tokenize.js';
import { buildView } from '../src/text/view.js';

const tagged = (text: string): string[] => tokenize(buildView(text)).map((t) => `${t.text}/${t.pos}`);

describe('tokens do not depend on the documents read before', () => {
  // wink-nlp keeps every unknown word it reads in a process-wide lexicon; a possessive once read
  // whole ("'party's'" in single quotes) would be kept whole ever after, with another tag
  it("a possessive read whole inside single quotes changes nothing for later documents", () => {
    const later = "The Republican party's leader, Paul Ryan, said on Monday he was not ready to back the nominee.";
    const tokensBefore = tagged(later);
    const graphBefore = extract(later);
    extract("Some said it was the 'party's' future, not the nominee's.");
    expect(tagged(later)).toEqual(tokensBefore);
    expect(extract(later)).toEqual(graphBefore);
    expect(tokensBefore.slice(0, 4)).toEqual(['The/DET', 'Republican/PROPN', 'party/NOUN', "'s/PART"]);
  });

  it("contractions keep wink-nlp's reading of the clitic", () => {
    expect(tagged("It's late and that's that.")).toEqual(['It/PRON', "'s/AUX", 'late/ADJ', 'and/CCONJ', 'that/PRON', "'s/AUX", 'that/PRON', './PUNCT']);
  });

  it("offsets of a split possessive point at the source text", () => {
    const text = "Russia's army and Poland's.";
    const toks = tokenize(buildView(text));
    expect(toks.map((t) => text.slice(t.start, t.end))).toEqual(['Russia', "'s", 'army', 'and', 'Poland', "'s", '.']);
    expect(toks.map((t) => t.spaceBefore)).toEqual([false, false, true, true, true, false, false]);
  });
});
