import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { observeSpeakerChoices, ranked, SPEAKER_MARGIN, SPEAKER_WEIGHTS, type SpeakerChoice } from '../src/stages/quotes/speakers/choice.js';
import model from '../src/stages/quotes/speakers/model.json';
import { expectValidGraph } from './helpers/graph.js';
import { listed, type Seen } from './helpers/quotes.js';

// Issue 13 item 2: the learned choice of speaker phrase (src/stages/quotes/speakers/choice.ts,
// trained by `npm run train:speaker` on PolNeAR train). Each row lists every quote of its input:
// [content, speaker mention as written, cue, speaker's entity].

const ROWS: Array<[string, string, Seen[]]> = [
  ['the subject of a coordinated cue, not the fronted clause\'s (the shape reads "my mother")', 'Once, when my mother asked me about it, I laughed and said, "I do not believe in the devil."',
    [['I do not believe in the devil.', 'I', 'said', null]]],
  ['the name before its place asides, not the nearest noun phrase "Va."', 'Johnnie Wilson, of Alexandria, Va., said the museum "tells the story of all of us."',
    [['the museum "tells the story of all of us."', 'Johnnie Wilson', 'said', 'Johnnie Wilson']]],
  ['a name before its role apposition stays the speaker', 'Jean-Marc Ayrault, the foreign minister of France, said the test was "a grave violation of the resolutions of the Security Council."',
    [['the test was "a grave violation of the resolutions of the Security Council."', 'Jean-Marc Ayrault', 'said', 'Jean-Marc Ayrault']]],
  ['the speaker of a cue with its hearer after it, not the hearer', 'Marc H. Morial, the chief executive of the National Urban League, forcefully told a young woman that "this is not the first generation to be frustrated."',
    [['"this is not the first generation to be frustrated."', 'Marc H. Morial', 'told', 'Marc H. Morial']]],
  ['an inverted cue with a role after the name', '"We will not back down," said Senator Dianne Feinstein, Democrat of California.',
    [['We will not back down', 'Dianne Feinstein', 'said', 'Dianne Feinstein']]],
  ['a time phrase after the cue is no speaker', 'The Kremlin said on Friday that the talks had failed.',
    [['the talks had failed', 'Kremlin', 'said', 'Kremlin']]],
  ['"he" is the subject named before, not a shop named inside a place phrase (sayswho-04)', 'Terrance Mannery was cleaning up the Doki Doki dessert shop when four men burst in.\nMannery looked at the entrance of Doki Doki. Men were crowding around the window.\n"If I allowed anyone in the store, they would try to cause harm to people," he said.',
    [['If I allowed anyone in the store, they would try to cause harm to people', 'he', 'said', 'Terrance Mannery']]],
];

describe('the learned choice of speaker phrase', () => {
  for (const [name, text, want] of ROWS) {
    it(name, () => {
      const g = extract(text);
      expectValidGraph(g);
      expect(listed(g)).toEqual(want);
    });
  }

  /** The choices the quotes stage makes for a text, as candidate texts: all, the shape's, the model's. */
  function choices(text: string): Array<{ candidates: string[]; shape: string; model: string; nearest: string }> {
    const out: Array<{ candidates: string[]; shape: string; model: string; nearest: string }> = [];
    const stop = observeSpeakerChoices((c: SpeakerChoice) => {
      const span = (i: number): string => text.slice(c.doc.tokens[c.candidates[i]!.span[0]]!.start, c.doc.tokens[c.candidates[i]!.span[1] - 1]!.end);
      // the nearest-noun-phrase heuristic: the candidate that ends closest before the cue
      const before = c.candidates.map((x, i) => [i, c.att.cue.first - x.span[1]] as const).filter(([, d]) => d >= 0).sort((a, b) => a[1] - b[1]);
      out.push({ candidates: c.candidates.map((_, i) => span(i)), shape: span(c.rule), model: span(ranked(SPEAKER_WEIGHTS, c)), nearest: span(before[0]![0]) });
      return undefined;
    });
    try {
      extract(text);
    } finally {
      stop();
    }
    return out;
  }

  it('chooses otherwise than the shape and the nearest noun phrase where the weights say so', () => {
    expect(choices(ROWS[1]![1])).toEqual([{ candidates: ['Va.', 'Johnnie Wilson', 'Alexandria'], shape: 'Va.', model: 'Johnnie Wilson', nearest: 'Va.' }]);
    expect(choices(ROWS[0]![1])).toEqual([{ candidates: ['my mother', 'it', 'I'], shape: 'my mother', model: 'I', nearest: 'I' }]);
  });

  it('keeps the shape\'s phrase where it scores best, and on ties', () => {
    expect(choices(ROWS[3]![1])).toEqual([{ candidates: ['Marc H. Morial', 'the chief executive of the National Urban League', 'a young woman'], shape: 'Marc H. Morial', model: 'Marc H. Morial', nearest: 'the chief executive of the National Urban League' }]);
    const tie = { rule: 1, candidates: [{ span: [0, 1] as const, head: [0, 1] as const, features: ['a'] }, { span: [2, 3] as const, head: [2, 3] as const, features: ['b'] }] };
    expect(ranked({ a: 1, b: 1 }, tie, 0)).toBe(1);
    expect(ranked({ a: 2, b: 1 }, tie, 0)).toBe(0);
    // another candidate must clear the margin
    expect(ranked({ a: 2, b: 1 }, tie, 1)).toBe(1);
  });

  it('reads its weights from a small model with its provenance', () => {
    expect(model.provenance).toMatch(/PolNeAR train/);
    expect(typeof SPEAKER_MARGIN).toBe('number');
    expect(Object.keys(SPEAKER_WEIGHTS).length).toBeGreaterThan(50);
    expect(Object.keys(SPEAKER_WEIGHTS).length).toBeLessThan(2000);
  });
});
