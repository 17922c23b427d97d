import { describe, expect, it } from 'vitest';
import { extract, type AnnotationGraph } from '../src/index.js';
import { layoutOf } from '../scripts/eval/layout.js';
import { expectValidGraph } from './helpers/graph.js';
import { parseCreditList } from '../src/stages/credits/lines.js';

const graphOf = (text: string): AnnotationGraph => {
  const g = extract(text);
  expectValidGraph(g);
  return g;
};

/** The first article's dateline place and its credits as "role:name". */
const creditsOf = (text: string): [string | undefined, string[]] => {
  const a = layoutOf(graphOf(text))[0];
  return [a?.dateline?.text, (a?.credits ?? []).map((c) => `${c.role}:${c.name}`)];
};

const BODY = 'Officials said the talks would resume after a pause of several weeks, and that both sides had agreed.';

// [what it exercises, input, expected dateline place, expected credits]
const CASES: Array<[string, string, string | undefined, string[]]> = [
  ['capital dateline with a colon', `WASHINGTON: ${BODY}`, 'WASHINGTON', []],
  ['two-word capital dateline', `KUALA LUMPUR: ${BODY}`, 'KUALA LUMPUR', []],
  ['dateline with agency and hyphen', `MOSCOW (Reuters) - ${BODY}`, 'MOSCOW', ['agency:Reuters']],
  ['hyphen glued to the first word', `MOSCOW (Reuters) -Russia said ${BODY}`, 'MOSCOW', ['agency:Reuters']],
  ['title-case place with agency and en dash', `Washington (AFP) – ${BODY}`, 'Washington', ['agency:AFP']],
  ['dateline with date and agency', `NEW DELHI, Nov 26 (Reuters) - ${BODY}`, 'NEW DELHI', ['agency:Reuters']],
  ['dateline with "Nov." and double hyphen', `BEIJING, Nov. 26 (Xinhua) -- ${BODY}`, 'BEIJING', ['agency:Xinhua']],
  ['dateline with em dash', `MEXICO CITY (AP) — ${BODY}`, 'MEXICO CITY', ['agency:AP']],
  ['dateline with a state and a date', `HEMPSTEAD, N.Y., Sept. 26 (UPI) — ${BODY}`, 'HEMPSTEAD', ['agency:UPI']],
  ['date and agency without a place', `Dec 29 (Reuters) - ${BODY}`, undefined, ['agency:Reuters']],
  ['capital dateline with a dash', `CLEVELAND — ${BODY}`, 'CLEVELAND', []],
  ['a label in capitals is no dateline', `BREAKING: ${BODY}`, undefined, []],
  ['a hyphenated word is no dateline', `U.S.-led forces withdrew. ${BODY}`, undefined, []],
  ['trailing agency after the last sentence', `${BODY} – AFP`, undefined, ['agency:AFP']],
  ['trailing agency after a closing quote, in capitals', `He said "a weak world."— REUTERS`, undefined, ['agency:Reuters']],
  ['agency line of its own', `${BODY}\n— Bernama`, undefined, ['agency:Bernama']],
  ['two agencies', `${BODY} — AFP/Reuters`, undefined, ['agency:AFP', 'agency:Reuters']],
  ['"with" an agency', `${BODY} -- With AFP`, undefined, ['agency:AFP']],
  ['full agency name', `${BODY}\n— Agence France-Presse`, undefined, ['agency:AFP']],
  ['Reuters credit parenthesis', `${BODY} (Reporting by Jeff Mason and Steve Holland in New York; Additional reporting by Lawrence Hurley; Writing by Anastasia Teterevleva; Editing by Mark Trevelyan)`, undefined,
    ['reporting:Jeff Mason', 'reporting:Steve Holland', 'reporting:Lawrence Hurley', 'writing:Anastasia Teterevleva', 'editing:Mark Trevelyan']],
  ['agency as reporter', `${BODY} (Reporting by Reuters; Editing by Will Dunham.)`, undefined, ['reporting:Reuters', 'editing:Will Dunham']],
  ['byline with an agency', `Markets rally as inflation cools\nBy Maria Gonzalez, Associated Press\n${BODY}`, undefined, ['byline:Maria Gonzalez', 'agency:AP']],
  ['byline of two people', `Markets rally as inflation cools\nBy Jill Colvin and Zeke Miller\n${BODY}`, undefined, ['byline:Jill Colvin', 'byline:Zeke Miller']],
  ['name with outlet in capitals', `Markets rally as inflation cools\nHeidi M. Przybyla, USA TODAY\n${BODY}`, undefined, ['byline:Heidi M. Przybyla']],
  ['dateline of two places', `WASHINGTON/NEW YORK (Reuters) - ${BODY}`, 'WASHINGTON', ['agency:Reuters']],
  ['raw AP wire underscore', `CLEVELAND (AP) _ ${BODY}`, 'CLEVELAND', ['agency:AP']],
  ['byline of an agency alone', `Markets rally as inflation cools\nBy The Associated Press\n${BODY}`, undefined, ['agency:AP']],
  ['contributed reporting', `${BODY}\nBryant Rousseau and Caryn Wilson contributed reporting.`, undefined, ['reporting:Bryant Rousseau', 'reporting:Caryn Wilson']],
  ['agency writer contributed to this report', `${BODY}\nAssociated Press writer Julie Pace contributed to this report.`, undefined, ['reporting:Julie Pace', 'agency:AP']],
  ['hat tip', `${BODY}\nh/t: The Hill`, undefined, ['source:The Hill']],
  ['agency named in the body is not a credit', `Reuters reported last week that ${BODY}`, undefined, []],
  ['photo credit is not a credit', `${BODY}\nHandout/Reuters.`, undefined, []],
  ['date after a comma, Reuters style', `LONDON, Dec 7 (Reuters) - ${BODY}`, 'LONDON', ['agency:Reuters']],
  ['older Reuters style: place and date, no agency, no dash', `WASHINGTON Oct 7 Brazilian central bank chief Ana Lima said ${BODY}`, 'WASHINGTON', []],
  ['place with its country in parentheses and a colon', `Ankara (Turkey): The death toll rose as ${BODY}`, 'Ankara', []],
  ['two agencies in an end parenthesis', `${BODY} (AFP, AP)`, undefined, ['agency:AFP', 'agency:AP']],
  ['two agencies after a dash, with a slash', `${BODY} – AFP/AP`, undefined, ['agency:AFP', 'agency:AP']],
  // the glued line's credit ends at the glue (see the parseCreditList test below); the layout cuts the token "HeavensOur" there (layout/glue.ts)
  ['credit list glued to the next text', `${BODY} (Reporting by Jeff Mason)\nEditing by Andrew HeavensOur Standards: The Thomson Reuters Trust Principles.`, undefined, ['reporting:Jeff Mason', 'editing:Andrew Heavens']],
  ['"Edited by:" with a colon, DW style', `${BODY}\nEdited by: Rob Mudge`, undefined, ['editing:Rob Mudge']],
  ['a parenthesis of one word is no agency credit', `${BODY} (Turkey)`, undefined, []],
  ['told Reuters is not a credit', `The minister told Reuters that ${BODY}`, undefined, []],
];

describe('credits and datelines', () => {
  it.each(CASES)('%s', (_what, input, place, credits) => {
    const [gotPlace, gotCredits] = creditsOf(input);
    expect(gotPlace).toBe(place);
    expect(gotCredits.sort()).toEqual([...credits].sort());
  });

  it('ends a credit line at page text glued to its last name', () => {
    const line = 'Editing by Andrew HeavensOur Standards: The Thomson Reuters Trust Principles.';
    const list = parseCreditList(line)!;
    expect(list.credits.map((c) => [c.role, line.slice(...c.range)])).toEqual([['editing', 'Andrew Heavens']]);
    const two = 'Writing by Jane Doe; Editing by Mark McDonald and Ann LaGuardiaRead more: markets';
    expect(parseCreditList(two)!.credits.map((c) => [c.role, two.slice(...c.range)])).toEqual([['writing', 'Jane Doe'], ['editing', 'Mark McDonald'], ['editing', 'Ann LaGuardia']]);
  });

  it('links the dateline to a place mention and the credit to an agency entity', () => {
    const g = graphOf(`WARSAW (AFP) - ${BODY} – AFP`);
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    const dateline = g.edges.find((e) => e.type === 'dateline')!;
    expect(byId.get(dateline.to)).toMatchObject({ type: 'place', text: 'WARSAW', form: 'name' });
    const credits = g.edges.filter((e) => e.type === 'credit');
    expect(credits).toHaveLength(1);
    expect(byId.get(credits[0]!.to)).toMatchObject({ type: 'entity', kind: 'agency', name: 'AFP', aliases: expect.arrayContaining(['Agence France-Presse']) });
    const agencyMentions = g.nodes.filter((n) => n.type === 'agency').map((n) => 'text' in n && n.text);
    expect(agencyMentions).toEqual(['AFP', 'AFP']);
  });
});
