import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract, type AnnotationGraph } from '../src/index.js';
import { getDefaultPipeline } from '../src/default-pipeline.js';
import { resolveOptions } from '../src/pipeline/options.js';
import type { CorefRecord } from '../src/stages/coref/index.js';
import { expectValidGraph } from './helpers/graph.js';

// The coref stage (issue 13, item 1): pronouns and definite descriptions become mentions of
// form 'pronoun' / 'nominal' with a mentionOf edge to their entity. Each row lists EVERY
// pronoun and nominal mention of its input, in order, with its entity's name (null: none).

type Row = [text: string, form: string, entity: string | null];

function corefMentions(graph: AnnotationGraph): Row[] {
  const names = new Map<string, string>();
  for (const n of graph.nodes) if (n.type === 'entity') names.set(n.id, n.name);
  const entityOf = new Map<string, string>();
  for (const e of graph.edges) if (e.type === 'mentionOf') entityOf.set(e.from, names.get(e.to)!);
  const out: Row[] = [];
  for (const n of graph.nodes) {
    if (n.type !== 'person' && n.type !== 'organization' && n.type !== 'place' && n.type !== 'agency') continue;
    if (n.form === 'pronoun' || n.form === 'nominal') out.push([n.text, n.form, entityOf.get(n.id) ?? null]);
  }
  return out;
}

const coref = (text: string): Row[] => {
  const graph = extract(text);
  expectValidGraph(graph);
  return corefMentions(graph);
};

describe('coref stage: pronoun → entity', () => {
  it.each<[string, string, Row[]]>([
    ['she/he by gender', 'Angela Merkel met Emmanuel Macron in Paris. She said he was right.',
      [['She', 'pronoun', 'Angela Merkel'], ['he', 'pronoun', 'Emmanuel Macron']]],
    ['"it" to an organization in reported speech', 'Microsoft said it would cut jobs.',
      [['it', 'pronoun', 'Microsoft']]],
    ['"they" and "its" to an organization, "his" to the person', 'The Labour Party said they would vote against the bill. Its leader Keir Starmer said his party was united.',
      [['they', 'pronoun', 'Labour Party'], ['Its', 'pronoun', 'Labour Party'], ['his', 'pronoun', 'Keir Starmer']]],
    ['gender from an honorific and a first name', 'Mr. Chen met Sarah Jones at the summit. He told her that the deal was done.',
      [['He', 'pronoun', 'Chen'], ['her', 'pronoun', 'Sarah Jones']]],
    ['gender from a kinship noun: "her brother Carlos" is not "she"', 'Maria Lopez joined the firm in 2004. Her brother Carlos said she loved it.',
      [['Her', 'pronoun', 'Maria Lopez'], ['she', 'pronoun', 'Maria Lopez']]],
    ['gender from earlier pronouns', 'Kim Lee met Alex Park in Seoul. She praised the plan. Alex Park said she was right.',
      [['She', 'pronoun', 'Kim Lee'], ['she', 'pronoun', 'Kim Lee']]],
    ['gender from a lone given name ("Audrey", "Richard")', 'Audrey met Richard at the station. He gave her a ticket.',
      [['He', 'pronoun', 'Richard'], ['her', 'pronoun', 'Audrey']]],
    ['a kinship noun ends its sentence: "her father. Lily" does not make Lily male', 'Anna Cole wrote to her father. Lily said she would come home.',
      [['her', 'pronoun', 'Anna Cole'], ['she', 'pronoun', 'Lily']]],
    ['a lone given name that is also a common surname ("Taylor") tells no gender', 'Taylor won the race. He said the course was hard.',
      [['He', 'pronoun', 'Taylor']]],
  ])('%s', (_, text, expected) => {
    expect(coref(text)).toEqual(expected);
  });
});

describe('coref stage: role noun → entity', () => {
  it.each<[string, string, Row[]]>([
    ['an office the entity holds', 'Russian Foreign Minister Sergei Lavrov spoke in Moscow on Monday. The foreign minister insisted that talks must go on.',
      [['The foreign minister', 'nominal', 'Sergei Lavrov']]],
    ['an age the text gives', 'John Smith, 62, was arrested on Monday. The 62-year-old denied the charges.',
      [['The 62-year-old', 'nominal', 'John Smith']]],
    ['"the company" to the business named before', 'Acme Corp reported higher profits on Tuesday. The company plans to hire 200 workers.',
      [['The company', 'nominal', 'Acme Corp']]],
    ['an office no entity holds stays out', 'Sergei Lavrov spoke in Moscow on Monday. The finance minister was not there.',
      []],
  ])('%s', (_, text, expected) => {
    expect(coref(text)).toEqual(expected);
  });
});

describe('coref stage: what stays unresolved', () => {
  it.each<[string, string, Row[]]>([
    // the quotes stage makes the speaker "He"; no person precedes it, so nothing gives it an entity
    ['a pronoun after a shop and a place name', 'The robbery happened at Joe\'s Pizza in Brooklyn. He said the shop was empty.',
      [['He', 'pronoun', null]]],
    ['"his Miranda rights": a name that modifies a noun is no antecedent', 'Smith waived his Miranda rights. He was then questioned for three hours.',
      [['his', 'pronoun', 'Smith'], ['He', 'pronoun', 'Smith']]],
    ['"named after his grandmother Mildred … he explains": not Mildred', 'Tom Baker opened the bakery in 2010. It is named after his grandmother Mildred, who taught him to bake, he explains.',
      [['his', 'pronoun', 'Tom Baker'], ['him', 'pronoun', 'Tom Baker'], ['he', 'pronoun', 'Tom Baker']]],
    ['quoted first- and second-person pronouns', '"I will not resign," Johnson said. "We have done nothing wrong, and you know it."',
      []],
    ['"it" that refers to nothing', 'Apple opened a store. It seems that the shop is busy.',
      []],
    ['a gendered pronoun never to a place or an organization', 'Toyota opened a plant in Ohio. He said the plant was new.',
      [['He', 'pronoun', null]]],
    ['"her" with only a man named before it: "Derek" is male, so "her" stays open and "his" is Derek', 'Derek saved her life. Amelia thanked Derek after his shooting.',
      [['his', 'pronoun', 'Derek']]],
  ])('%s', (_, text, expected) => {
    expect(coref(text)).toEqual(expected);
  });

  it('offers its own reading of a speaker pronoun the quotes stage resolved, without writing it (the `coref` layer)', () => {
    const text = 'Police said Smith waived his Miranda rights. He said he was innocent.';
    const doc = getDefaultPipeline().runDoc(text, resolveOptions({}));
    const records = (doc.layers.get('coref') as CorefRecord[]).map((r) => [text.slice(r.mention.start, r.mention.end), r.mention.start, r.entity.name, r.written]);
    expect(records).toEqual([['his', 25, 'Smith', true], ['He', 45, 'Smith', false], ['he', 53, 'Smith', true]]);
  });
});

describe('coref stage: the seed page', () => {
  const SEED = readFileSync(join(import.meta.dirname, '..', 'test-corpus', 'articles', 'daily8-russia-ukraine-page.txt'), 'utf8');

  it('ties every pronoun and description of the seed page to its entity', () => {
    expect(coref(SEED)).toEqual([
      ['He', 'pronoun', 'Lavrov'],
      ['he', 'pronoun', 'Vladimir Putin'],
      ['The foreign minister', 'nominal', 'Lavrov'],
      ['He', 'pronoun', 'Lavrov'],
      ['He', 'pronoun', 'Lavrov'],
      ['He', 'pronoun', 'William Burns'],
      ['His', 'pronoun', 'William Burns'],
      ['he', 'pronoun', 'William Burns'],
      ['his', 'pronoun', 'Vladimir Putin'],
      ['he', 'pronoun', 'William Burns'],
      ['it', 'pronoun', 'Russian Federation'],
      ['it', 'pronoun', 'Russian Federation'],
      ['it', 'pronoun', 'Russian Federation'],
      ['it', 'pronoun', 'Russian Federation'],
      ['it', 'pronoun', 'Britain'],
      ['it', 'pronoun', 'Britain'],
      ['Polish authorities', 'nominal', 'Polish authorities'],
      ['He', 'pronoun', 'Grzegorz Trusiewicz'],
      ['The Polish army', 'nominal', 'Polish army'],
      ['Polish media outlets', 'nominal', 'Polish media outlets'],
    ]);
  });
});
