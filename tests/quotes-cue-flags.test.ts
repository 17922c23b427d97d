import { describe, expect, it } from 'vitest';
import cues from '../src/lexicon/cues.json';
import { extract } from '../src/index.js';
import { cueHas, quoteLexicon, type CueFlag } from '../src/stages/quotes/lexicon.js';

// Issue 12 step 3: a cue's behaviour is data, the flags of src/lexicon/cues.json. Each flag is
// defined there, held by the cues it names, and changes what a sentence gives.

/** Every quote extract gives: [content, speaker as written or null, cue as written]. */
function quotes(text: string): Array<[string, string | null, string | null]> {
  const g = extract(text);
  const byId = new Map(g.nodes.map((n) => [n.id, n] as const));
  const textOf = (type: string, from: string): string | null => {
    const e = g.edges.find((x) => x.type === type && x.from === from);
    const n = e ? byId.get(e.to) : undefined;
    return n && 'text' in n ? n.text : null;
  };
  return g.nodes.flatMap((n): Array<[string, string | null, string | null]> => (n.type === 'quote' ? [[n.text, textOf('speaker', n.id), textOf('cue', n.id)]] : []));
}

describe('cue flags in cues.json', () => {
  const lex = quoteLexicon();

  it('are read by lemma for verbs, phrases and nouns of saying', () => {
    expect(cueHas(lex, 'say', 'hearer-after-to')).toBe(true);
    expect(cueHas(lex, 'say', 'no-object')).toBe(false);
    expect(cueHas(lex, 'go on', 'no-object')).toBe(true);
    expect(cueHas(lex, 'quote', 'quote-only')).toBe(true);
    expect(cueHas(lex, 'ask', 'question-unnamed')).toBe(true);
    expect(cueHas(lex, 'wonder', 'question-unnamed')).toBe(false);
    expect(cueHas(lex, 'no such cue', 'naming')).toBe(false);
    expect(lex.nouns.get('warning')).toBe('warn');
    expect(lex.nouns.get('pledges')).toBe('pledge');
    expect(lex.nouns.get('said')).toBeUndefined();
  });

  it('are each defined, each held by some cue, and the same on every entry of a lemma', () => {
    const defined = Object.keys(cues.flags);
    const entries: Array<{ lemma: string; flags?: string[] }> = [...cues.verbs, ...cues.phrases];
    const held = new Set(entries.flatMap((e) => e.flags ?? []));
    expect([...held].sort()).toEqual([...defined].sort());
    const byLemma = new Map<string, string>();
    for (const e of entries) {
      const f = JSON.stringify([...(e.flags ?? [])].sort());
      expect(byLemma.get(e.lemma) ?? f, e.lemma).toBe(f);
      byLemma.set(e.lemma, f);
    }
  });

  // one sentence for each flag, with every quote it gives
  const TABLE: ReadonlyArray<readonly [CueFlag, string, Array<[string, string | null, string | null]>]> = [
    ['hearer-after-to', 'She said to reporters that taxes would rise.', [['taxes would rise', 'She', 'said to reporters']]],
    ['infinitive', 'He pledged to cut taxes.', [['to cut taxes', 'He', 'pledged']]],
    ['infinitive', 'The mayor broke her pledge to cut taxes.', [['to cut taxes', 'her', 'pledge']]],
    ['embedded-question', 'She asked whether the plan would work.', [['whether the plan would work', 'She', 'asked']]],
    ['embedded-how', 'The ministry explained how the plan would work.', [['how the plan would work', 'The ministry', 'explained']]],
    ['embedded-how', 'The ministry explained who would pay.', []],
    ['warns-of', 'The minister warned of a recession.', [['a recession', 'The minister', 'warned']]],
    ['yes-no', 'Most voters said yes.', [['yes', 'Most voters', 'said']]],
    ['no-bare-clause', 'She wrote the letter last week.', []],
    ['naming', 'The mayor called Trump a liar.', [['Trump a liar', 'The mayor', 'called']]],
    ['cites', 'The paper printed the figures, citing ministry sources.', []],
    ['quote-only', 'She cited "a grave mistake" by the board.', [['a grave mistake', 'She', 'cited']]],
    ['question-unnamed', 'When asked about the merger, Smith smiled.', [['the merger', null, 'asked']]],
    ['question-unnamed', 'When questioned about the merger, Smith smiled.', []],
    ['hearer-required', 'She ensured voters that the plan would work.', [['the plan would work', 'She', 'ensured']]],
    ['hearer-required', 'Officials ensured that the vote was fair.', []],
  ];
  it.each(TABLE)('%s: %j', (flag, text, expected) => {
    expect(Object.keys(cues.flags)).toContain(flag);
    expect(quotes(text)).toEqual(expected);
  });
});
