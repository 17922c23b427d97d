import { describe, expect, it } from 'vitest';
import { extract, getDefaultPipeline, type AnnotationGraph, type EntityNode } from '../src/index.js';
import { entitiesOf } from '../src/model/mentions.js';
import { resolveOptions } from '../src/pipeline/options.js';
import { expectValidGraph } from './helpers/graph.js';
import { names } from './helpers/names.js';


/** Each entity of a graph with the texts of its mentions. */
function entities(g: AnnotationGraph): Array<EntityNode & { mentions: string[] }> {
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  return g.nodes
    .filter((n): n is EntityNode => n.type === 'entity')
    .map((e) => ({
      ...e,
      mentions: g.edges.filter((x) => x.type === 'mentionOf' && x.to === e.id).map((x) => (byId.get(x.from) as { text: string }).text),
    }));
}

function entityOf(text: string, mention: string): (EntityNode & { mentions: string[] }) | undefined {
  const g = extract(text);
  expectValidGraph(g);
  return entities(g).find((e) => e.mentions.includes(mention));
}

// [what it exercises, input, expected name mentions]
const SPANS: Array<[string, string, Array<[string, string]>]> = [
  ['title is not part of the name', 'President Vladimir Putin met the delegation on Monday.', [['person', 'Vladimir Putin']]],
  ['possessive is left out', "Russia's offensive entered its fourth year.", [['place', 'Russia']]],
  ['possessive inside one token at a sentence end', "The plan was less detailed than Trump's. But Donald Trump denied it.", [['person', 'Trump'], ['person', 'Donald Trump']]],
  ['demonyms are not places', 'Polish authorities said a Russian drone crashed.', []],
  ['White House is an organization', 'The White House did not immediately respond to a request for comment.', [['organization', 'White House']]],
  ['Kremlin is an organization', 'The Kremlin said the talks would resume.', [['organization', 'Kremlin']]],
  ['State Department and Pentagon are organizations', 'Officials at the State Department and the Pentagon declined to comment.', [['organization', 'State Department'], ['organization', 'Pentagon']]],
  ['dateline place', 'WASHINGTON: The talks ended without a deal, officials said.', [['place', 'WASHINGTON']]],
  ['NATO and CIA are organizations', 'NATO allies met the CIA director in Brussels.', [['organization', 'NATO'], ['organization', 'CIA'], ['place', 'Brussels']]],
  ['agency in a dateline', 'MOSCOW (Reuters) - Russia said on Wednesday it would bar entry to 21 people.', [['place', 'MOSCOW'], ['agency', 'Reuters'], ['place', 'Russia']]],
  ['agency credit at the end', 'Moscow opposed the plan. – AFP', [['place', 'Moscow'], ['agency', 'AFP']]],
  ['Xinhua in a dateline', 'BEIJING, Nov. 26 (Xinhua) -- China launched a satellite on Thursday.', [['place', 'BEIJING'], ['agency', 'Xinhua'], ['place', 'China']]],
  ['Bernama credit', 'Floods closed 47 roads in Kelantan.\n— Bernama', [['place', 'Kelantan'], ['agency', 'Bernama']]],
  ['The Atlantic magazine is an organization', 'He wrote a letter published in The Atlantic magazine.', [['organization', 'The Atlantic']]],
  ['outlet names', 'The story first ran in the New Straits Times and The Star.', [['organization', 'New Straits Times'], ['organization', 'The Star']]],
  ['unknown surname after a title', 'Regional prosecutor Grzegorz Trusiewicz stated that the object was a drone.', [['person', 'Grzegorz Trusiewicz']]],
  ['unknown village', 'The blast occurred in a cornfield near the village of Osiny.', [['place', 'Osiny']]],
  ['name after "the village of"', 'In 2022, a missile landed on the Polish village of Przewodow near the border.', [['place', 'Przewodow']]],
  ['long country name', 'Talks without the Russian Federation are a road to nowhere.', [['place', 'Russian Federation']]],
  ['hyphenated surname split by the tokenizer', 'Deputy Commerce Secretary Thaddeus Okereke-Vance told reporters.', [['person', 'Thaddeus Okereke-Vance']]],
  ['title inside a tagged organization', 'Bank of Korea Governor Yoon Chae-kyung told a news conference.', [['organization', 'Bank of Korea'], ['person', 'Yoon Chae-kyung']]],
  ['honorific is left out', 'Datuk Seri Fadhlullah Wan Ismail-Ruzaini visited a relief centre.', [['person', 'Fadhlullah Wan Ismail-Ruzaini']]],
];

describe('entity spans and kinds', () => {
  it.each(SPANS)('%s', (_what, input, expected) => {
    expect(names(input)).toEqual(expected);
  });

  it('finds nothing in empty or blank text', () => {
    expect(names('')).toEqual([]);
    expect(names(' \n\n ')).toEqual([]);
  });
});

// [what it exercises, input, a mention, expected entity name, expected mentions of that entity]
const RESOLUTION: Array<[string, string, string, string, string[]]> = [
  ['surname to full name', 'Sergei Lavrov arrived in Ankara. Lavrov said the talks were useful.', 'Lavrov', 'Sergei Lavrov', ['Sergei Lavrov', 'Lavrov']],
  ['surname before the full name', 'Lavrov spoke first. Foreign Minister Sergei Lavrov then left.', 'Lavrov', 'Sergei Lavrov', ['Lavrov', 'Sergei Lavrov']],
  ['US, U.S. and United States', 'The United States said the U.S. would act. US officials agreed.', 'U.S.', 'United States', ['United States', 'U.S.', 'US']],
  ['Russian Federation and Russia', 'Russia rejected the plan. The Russian Federation will respond.', 'Russia', 'Russian Federation', ['Russia', 'Russian Federation']],
  ['acronym in brackets', 'The National Disaster Management Agency (NADMA) opened 312 centres.', 'NADMA', 'National Disaster Management Agency', ['National Disaster Management Agency', 'NADMA']],
  ['acronym of a long name', 'The Federal Aviation Administration issued new rules on Monday. Officials at the FAA said the rules were needed.', 'FAA', 'Federal Aviation Administration', ['Federal Aviation Administration', 'FAA']],
  ['dateline in capitals and the name in text', 'WARSAW: Police went to a village 100 kilometres from Warsaw.', 'WARSAW', 'Warsaw', ['WARSAW', 'Warsaw']],
];

describe('entity resolution', () => {
  it.each(RESOLUTION)('%s', (_what, input, mention, name, mentions) => {
    const e = entityOf(input, mention);
    expect(e?.name).toBe(name);
    expect(e?.mentions).toEqual(mentions);
  });

  it('keeps Melania Trump apart from Donald Trump, and Trump goes to the one named last', () => {
    const g = extract('Donald Trump spoke first. Melania Trump thanked the crowd. Later, Donald Trump left. Trump said he was pleased.');
    expectValidGraph(g);
    const people = entities(g).filter((e) => e.kind === 'person');
    expect(people.map((e) => [e.name, e.mentions])).toEqual([
      ['Donald Trump', ['Donald Trump', 'Donald Trump', 'Trump', 'he']],
      ['Melania Trump', ['Melania Trump']],
    ]);
  });

  it('gives an agency its long names as aliases', () => {
    const e = entityOf('Moscow opposed the plan. – AFP', 'AFP');
    expect(e?.kind).toBe('agency');
    expect(e?.aliases).toContain('Agence France-Presse');
  });
});

// [what it exercises, input, a mention, expected roles]
const ROLES: Array<[string, string, string, string[]]> = [
  ['title before the name', 'Regional prosecutor Grzegorz Trusiewicz stated that it was a drone.', 'Grzegorz Trusiewicz', ['regional prosecutor']],
  ['country and title', 'US President Donald Trump spoke on Monday.', 'Donald Trump', ['US president']],
  ['apposition with two roles', 'William Burns, former CIA director and veteran US diplomat, on Wednesday issued a rebuke.', 'William Burns', ['former CIA director', 'veteran US diplomat']],
  ['apposition with a determiner', 'Sergei Lavrov, the foreign minister, said the talks failed.', 'Sergei Lavrov', ['foreign minister']],
  ['a clause after the comma is no role', 'Anna Kowalska, who lives nearby, said she heard the blast.', 'Anna Kowalska', []],
];

describe('roles and gender', () => {
  it.each(ROLES)('%s', (_what, input, mention, roles) => {
    expect(entityOf(input, mention)?.roles ?? []).toEqual(roles);
  });
});

// [what it exercises, input, a name, expected gender in the entities layer]
const GENDER: Array<[string, string, string, string | undefined]> = [
  ['female first name', 'Hillary Clinton thanked the crowd.', 'Hillary Clinton', 'female'],
  ['male first name', 'Sergei Lavrov arrived in Ankara.', 'Sergei Lavrov', 'male'],
  ['honorific', 'Ms. Kowalczyk-Nowak said the plan would work.', 'Kowalczyk-Nowak', 'female'],
  ['gendered title', 'Congresswoman Adaeze Okafor-Lindqvist spoke first.', 'Adaeze Okafor-Lindqvist', 'female'],
  ['nothing tells it', 'Dr. Okafor-Lindqvist said the plan would work.', 'Okafor-Lindqvist', undefined],
];

describe('gender for pronoun resolution', () => {
  it.each(GENDER)('%s', (_what, input, name, gender) => {
    const doc = getDefaultPipeline().runDoc(input, resolveOptions(undefined));
    expectValidGraph(doc.graph.build());
    const e = entitiesOf(doc).find((x) => !x.mergedInto && x.name === name);
    expect(e?.kind).toBe('person');
    expect(e?.gender).toBe(gender);
  });
});
