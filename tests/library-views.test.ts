/**
 * The library's views: `query(graph).quotes()`, `.entities()`, `.articles()`, asserted as whole
 * values on real inputs (a test-corpus page and the seed page), and on a graph made by hand
 * for the cases real text rarely shows (no cue, no speaker, no article, no sentence).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract, query, type AnnotationGraph } from '../src/index.js';

const ROOT = join(import.meta.dirname, '..');
const read = (p: string): string => readFileSync(join(ROOT, p), 'utf8');

describe('views of a test-corpus page (France 24, Nairobi curfew)', () => {
  const q = query(extract(read('test-corpus/articles/page-france24-nairobi-curfew.txt')));

  it('quotes(): each quote with its cue, speaker, entity, sentence, article and rule', () => {
    expect(q.quotes()).toEqual([
      {"id": "q0", "text": "the curfew was needed to stop looting of abandoned homes", "form": "indirect", "start": 485, "end": 541, "cue": {"text": "told lawmakers", "lemma": "tell"}, "speaker": {"text": "Wambui Kariuki-Odhiambo", "form": "name", "mention": {"id": "m8", "start": 446, "end": 469}, "entity": {"id": "e4", "name": "Wambui Kariuki-Odhiambo", "kind": "person", "aliases": [], "roles": ["interior minister"]}}, "sentence": {"start": 428, "end": 542}, "article": {"id": "a0", "title": "Kenya's parliament votes to extend curfew in flood-hit counties"}, "rule": "leading-cue"},
      {"id": "q1", "text": "We cannot leave these families unprotected", "form": "direct", "start": 544, "end": 586, "cue": {"text": "said", "lemma": "say"}, "speaker": {"text": "she", "form": "pronoun", "mention": {"id": "m9", "start": 589, "end": 592}, "entity": {"id": "e4", "name": "Wambui Kariuki-Odhiambo", "kind": "person", "aliases": [], "roles": ["interior minister"]}}, "sentence": {"start": 543, "end": 598}, "article": {"id": "a0", "title": "Kenya's parliament votes to extend curfew in flood-hit counties"}, "rule": "trailing-cue"},
      {"id": "q2", "text": "more than 40,000 people had been displaced", "form": "indirect", "start": 624, "end": 666, "cue": {"text": "said", "lemma": "say"}, "speaker": {"text": "Red Cross", "form": "name", "mention": {"id": "m11", "start": 609, "end": 618}, "entity": {"id": "e5", "name": "Red Cross", "kind": "organization", "aliases": [], "roles": []}}, "sentence": {"start": 599, "end": 667}, "article": {"id": "a0", "title": "Kenya's parliament votes to extend curfew in flood-hit counties"}, "rule": "leading-cue"},
    ]);
  });

  it('articles(): the article with its metadata, dateline and credit', () => {
    expect(q.articles()).toEqual([
      {"id": "a0", "start": 12, "end": 667, "title": "Kenya's parliament votes to extend curfew in flood-hit counties", "outlet": "France 24", "published": "Issued on: 08/12/2026 - 10:42", "publishedValue": null, "datelines": [{"id": "m4", "type": "place", "text": "Nairobi", "form": "name", "start": 261, "end": 268}], "credits": [{"role": "agency", "entity": {"id": "e1", "name": "AFP", "kind": "agency", "aliases": ["Agence France-Presse", "Agence France Presse", "France-Presse", "France Presse"], "roles": []}}], "quoteCount": 3},
    ]);
  });

  it('entities(): every entity with its mentions in text order and the quotes it said', () => {
    expect(q.entities()).toEqual([
      {"id": "e0", "name": "Kenya", "kind": "place", "aliases": [], "roles": [], "mentions": [{"id": "m0", "type": "place", "text": "Kenya", "form": "name", "start": 12, "end": 17}, {"id": "m1", "type": "place", "text": "Kenya", "form": "name", "start": 181, "end": 186}, {"id": "m6", "type": "place", "text": "Kenya", "form": "name", "start": 277, "end": 282}, {"id": "m10", "type": "place", "text": "Kenya", "form": "name", "start": 603, "end": 608}, {"id": "m12", "type": "place", "text": "Kenya", "form": "name", "start": 700, "end": 705}], "quotes": []},
      {"id": "e1", "name": "AFP", "kind": "agency", "aliases": ["Agence France-Presse", "Agence France Presse", "France-Presse", "France Presse"], "roles": [], "mentions": [{"id": "m2", "type": "agency", "text": "AFP", "form": "name", "start": 232, "end": 235}, {"id": "m5", "type": "agency", "text": "AFP", "form": "name", "start": 270, "end": 273}], "quotes": []},
      {"id": "e2", "name": "FRANCE 24", "kind": "organization", "aliases": [], "roles": [], "mentions": [{"id": "m3", "type": "organization", "text": "FRANCE 24", "form": "name", "start": 245, "end": 254}], "quotes": []},
      {"id": "e3", "name": "Nairobi", "kind": "place", "aliases": [], "roles": [], "mentions": [{"id": "m4", "type": "place", "text": "Nairobi", "form": "name", "start": 261, "end": 268}], "quotes": []},
      {"id": "e4", "name": "Wambui Kariuki-Odhiambo", "kind": "person", "aliases": [], "roles": ["interior minister"], "mentions": [{"id": "m8", "type": "person", "text": "Wambui Kariuki-Odhiambo", "form": "name", "start": 446, "end": 469}, {"id": "m9", "type": "person", "text": "she", "form": "pronoun", "start": 589, "end": 592}], "quotes": ["q0", "q1"]},
      {"id": "e5", "name": "Red Cross", "kind": "organization", "aliases": [], "roles": [], "mentions": [{"id": "m11", "type": "organization", "text": "Red Cross", "form": "name", "start": 609, "end": 618}], "quotes": ["q2"]},
    ]);
  });
});

describe('views of the seed page (four articles)', () => {
  const q = query(extract(read('../shared/data/seed/daily8-russia-ukraine-page.txt')));

  it('articles(): four articles, their datelines and credits', () => {
    expect(q.articles()).toEqual([
      {"id": "a0", "start": 1, "end": 2130, "title": "Russia warns Ukraine security talks without Moscow are futile", "outlet": null, "published": null, "publishedValue": null, "datelines": [], "credits": [{"role": "agency", "entity": {"id": "e12", "name": "AFP", "kind": "agency", "aliases": ["Agence France-Presse", "Agence France Presse", "France-Presse", "France Presse"], "roles": []}}], "quoteCount": 10},
      {"id": "a1", "start": 2238, "end": 4325, "title": "Former CIA director Burns calls Trump firings of US workers \"a war on...expertise\"", "outlet": "New Straits Times", "published": "2 hours ago", "publishedValue": null, "datelines": [{"id": "m49", "type": "place", "text": "WASHINGTON", "form": "name", "start": 2371, "end": 2381}], "credits": [{"role": "agency", "entity": {"id": "e22", "name": "Reuters", "kind": "agency", "aliases": ["Thomson Reuters", "REUTERS"], "roles": []}}], "quoteCount": 11},
      {"id": "a2", "start": 4328, "end": 5038, "title": "Russia bars entry to 21 people it says spread disinformation against it in UK media", "outlet": "The Star", "published": "5 hours ago", "publishedValue": null, "datelines": [{"id": "m93", "type": "place", "text": "MOSCOW", "form": "name", "start": 4444, "end": 4450}], "credits": [{"role": "agency", "entity": {"id": "e22", "name": "Reuters", "kind": "agency", "aliases": ["Thomson Reuters", "REUTERS"], "roles": []}}, {"role": "reporting", "entity": {"id": "e22", "name": "Reuters", "kind": "agency", "aliases": ["Thomson Reuters", "REUTERS"], "roles": []}}, {"role": "writing", "entity": {"id": "e26", "name": "Anastasia Teterevleva", "kind": "person", "aliases": [], "roles": []}}, {"role": "editing", "entity": {"id": "e27", "name": "Mark Trevelyan", "kind": "person", "aliases": [], "roles": []}}], "quoteCount": 4},
      {"id": "a3", "start": 5041, "end": 6438, "title": "Military drone suspected in overnight blast near Warsaw", "outlet": "The Sun", "published": "6 hours ago", "publishedValue": null, "datelines": [{"id": "m114", "type": "place", "text": "WARSAW", "form": "name", "start": 5127, "end": 5133}], "credits": [{"role": "agency", "entity": {"id": "e12", "name": "AFP", "kind": "agency", "aliases": ["Agence France-Presse", "Agence France Presse", "France-Presse", "France Presse"], "roles": []}}], "quoteCount": 5},
    ]);
  });

  it('quotes(): every quote (id, form, span, cue lemma, speaker words, mention, entity, article, rule)', () => {
    const rows = q.quotes().map((x) => [x.id, x.form, x.start, x.end, x.cue?.lemma ?? null, x.speaker?.text ?? null, x.speaker?.mention?.id ?? null, x.speaker?.entity?.name ?? null, x.article?.id ?? null, x.rule]);
    expect(rows).toEqual([
      ["q0", "mixed", 245, 349, "emphasise", "Lavrov", "m6", "Lavrov", "a0", "leading-cue"],
      ["q1", "mixed", 378, 487, "inform", "He", "m8", "Lavrov", "a0", "leading-cue"],
      ["q2", "indirect", 749, 875, "state", "Donald Trump", "m14", "Donald Trump", "a0", "leading-cue"],
      ["q3", "mixed", 899, 1029, "clarify", "Lavrov", "m18", "Lavrov", "a0", "leading-cue"],
      ["q4", "mixed", 954, 1029, "tell", "Putin", "m19", "Vladimir Putin", "a0", "leading-cue"],
      ["q5", "mixed", 1066, 1147, "insist", "The foreign minister", "m23", "Lavrov", "a0", "leading-cue"],
      ["q6", "mixed", 1224, 1268, "criticise", "Lavrov", "m26", "Lavrov", "a0", "leading-cue"],
      ["q7", "mixed", 1361, 1489, "note", "He", "m30", "Lavrov", "a0", "leading-cue"],
      ["q8", "mixed", 1548, 1613, "comment", "Lavrov", "m33", "Lavrov", "a0", "leading-cue"],
      ["q9", "mixed", 1655, 1852, "observe", "He", "m34", "Lavrov", "a0", "leading-cue"],
      ["q10", "mixed", 2320, 2370, "call", "Burns", "m46", "William Burns", "a1", "leading-cue"],
      ["q11", "indirect", 2551, 2620, "say", "William Burns", "m50", "William Burns", "a1", "leading-cue"],
      ["q12", "direct", 2623, 2754, "write", "Burns", "m56", "William Burns", "a1", "trailing-cue"],
      ["q13", "indirect", 3328, 3392, "say", "Burns", "m72", "William Burns", "a1", "leading-cue"],
      ["q14", "direct", 3395, 3503, "say", "he", "m73", "William Burns", "a1", "trailing-cue"],
      ["q15", "direct", 3516, 3673, null, "William Burns", null, "William Burns", "a1", "continuation"],
      ["q16", "direct", 3676, 3700, "say", "Burns", "m74", "William Burns", "a1", "trailing-cue"],
      ["q17", "direct", 3716, 3860, null, "William Burns", null, "William Burns", "a1", "continuation"],
      ["q18", "mixed", 3874, 3927, "cite", "Burns", "m75", "William Burns", "a1", "leading-cue"],
      ["q19", "mixed", 4093, 4179, "write", "he", "m83", "William Burns", "a1", "trailing-cue"],
      ["q20", "direct", 4196, 4315, "write", "he", "m83", "William Burns", "a1", "trailing-cue"],
      ["q21", "indirect", 4399, 4443, "say", "it", "m90", "Russian Federation", "a2", "leading-cue"],
      ["q22", "mixed", 4487, 4584, "say", "Russia", "m95", "Russian Federation", "a2", "leading-cue"],
      ["q23", "indirect", 4864, 4953, "say", "Britain", "m102", "Britain", "a2", "leading-cue"],
      ["q24", "indirect", 4929, 4953, "say", "it", "m105", "Britain", "a2", "leading-cue"],
      ["q25", "indirect", 5182, 5289, "confirm", "Polish authorities", "m115", "Polish authorities", "a3", "leading-cue"],
      ["q26", "indirect", 5695, 5771, "state", "Grzegorz Trusiewicz", "m119", "Grzegorz Trusiewicz", "a3", "leading-cue"],
      ["q27", "indirect", 5791, 5865, "clarify", "He", "m120", "Grzegorz Trusiewicz", "a3", "leading-cue"],
      ["q28", "indirect", 5909, 5979, "confirm", "The Polish army", "m121", "Polish army", "a3", "leading-cue"],
      ["q29", "indirect", 6046, 6156, "suggest", "Polish media outlets", "m122", "Polish media outlets", "a3", "leading-cue"],
    ]);
  });

  it('a continuation quote: the speaker edge goes to the entity, so there is no mention and the words are its name', () => {
    expect(q.quotes().find((x) => x.id === 'q15')).toEqual({"id": "q15", "text": "This is not about reform. It's about retribution. It's about breaking people and breaking institutions by sowing fear and mistrust throughout our government.", "form": "direct", "start": 3516, "end": 3673, "cue": null, "speaker": {"text": "William Burns", "form": "name", "mention": null, "entity": {"id": "e15", "name": "William Burns", "kind": "person", "aliases": ["Burns"], "roles": ["former CIA director", "veteran US diplomat"]}}, "sentence": {"start": 3515, "end": 3541}, "article": {"id": "a1", "title": "Former CIA director Burns calls Trump firings of US workers \"a war on...expertise\""}, "rule": "continuation"});
  });
});

describe('views of a graph made by hand', () => {
  // "Yes," it said. "No." Smith, on Monday.  — q0: no cue and a speaker edge to an unresolved
  // mention; q1: no speaker, no cue, outside every sentence; no article nodes at all.
  const text = '"Yes," it said. "No." Smith, on Monday.';
  const graph: AnnotationGraph = {
    format: 'quotegraph', version: 1, offsetUnit: 'utf16', text, meta: {},
    nodes: [
      { id: 's0', type: 'sentence', start: 0, end: 15 },
      { id: 'q0', type: 'quote', start: 1, end: 4, text: 'Yes', form: 'direct' },
      { id: 'm0', type: 'organization', start: 7, end: 9, text: 'it', form: 'pronoun' },
      { id: 'q1', type: 'quote', start: 17, end: 19, text: 'No', form: 'direct', rule: 'unattributed' },
      { id: 'm1', type: 'person', start: 22, end: 27, text: 'Smith', form: 'name' },
      { id: 'm2', type: 'date', start: 32, end: 38, text: 'Monday', form: 'name' },
      { id: 'e0', type: 'entity', kind: 'person', name: 'Smith', aliases: [] },
    ],
    edges: [
      { type: 'speaker', from: 'q0', to: 'm0' },
      { type: 'mentionOf', from: 'm1', to: 'e0' },
    ],
    diagnostics: [],
  };

  it('nulls where the graph has nothing to say, and no rule key where the quote has none', () => {
    const before = JSON.stringify(graph);
    const q = query(graph);
    expect(q.quotes()).toEqual([
      { id: 'q0', text: 'Yes', form: 'direct', start: 1, end: 4, cue: null, speaker: { text: 'it', form: 'pronoun', mention: { id: 'm0', start: 7, end: 9 }, entity: null }, sentence: { start: 0, end: 15 }, article: null },
      { id: 'q1', text: 'No', form: 'direct', start: 17, end: 19, cue: null, speaker: null, sentence: null, article: null, rule: 'unattributed' },
    ]);
    expect('rule' in q.quotes()[0]!).toBe(false);
    expect(q.entities()).toEqual([
      { id: 'e0', name: 'Smith', kind: 'person', roles: [], aliases: [], mentions: [{ id: 'm1', type: 'person', text: 'Smith', form: 'name', start: 22, end: 27 }], quotes: [] },
    ]);
    expect(q.articles()).toEqual([]);
    expect(JSON.stringify(graph)).toBe(before);
  });
});

describe('quotes() over the whole test corpus', () => {
  const manifest = JSON.parse(read('test-corpus/manifest.json')) as Array<{ file: string; published?: string }>;

  it('agrees with the lookups it is made of, one view per quote node, JSON-safe', () => {
    let quotes = 0;
    for (const m of manifest) {
      const graph = extract(read(join('test-corpus', m.file)), m.published ? { published: m.published } : {});
      const q = query(graph);
      const views = q.quotes();
      expect(views.map((v) => v.id)).toEqual(graph.nodes.filter((n) => n.type === 'quote').map((n) => n.id));
      for (const v of views) {
        const who = q.speakerOf(v.id);
        expect([v.speaker?.mention?.id ?? null, v.speaker?.entity?.id ?? null]).toEqual([who?.mention?.id ?? null, who?.entity?.id ?? null]);
        expect(v.cue?.lemma ?? null).toBe(q.cueOf(v.id)?.lemma ?? null);
        expect(v.sentence).toEqual(q.sentenceOf(v.id) ? { start: q.sentenceOf(v.id)!.start, end: q.sentenceOf(v.id)!.end } : null);
        expect(v.text).toBe(graph.text.slice(v.start, v.end));
      }
      expect(JSON.parse(JSON.stringify(views))).toEqual(views);
      quotes += views.length;
    }
    expect(manifest.length).toBe(24);
    expect(quotes).toBeGreaterThan(0);
  });
});
