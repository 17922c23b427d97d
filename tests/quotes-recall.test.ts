import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { expectValidGraph } from './helpers/graph.js';
import { listed, type Seen } from './helpers/quotes.js';

// Issue 13, speech recall: shapes of reported speech the stage missed on PolNeAR dev and in the
// peers' cases. Each row lists every quote of its input as [content, speaker mention as written,
// cue as written, speaker's entity]; the counter-examples below must give exactly what they list.

const ROWS: Array<[string, Seen[]]> = [
  // "that," then an aside between commas, then the clause
  ['Scott joked that, among African Americans, Trump ranks fourth in a two-way race.', [['among African Americans, Trump ranks fourth in a two-way race', 'Scott', 'joked', 'Scott']]],
  ['Mr. Podesta noted that, like him, Mrs. Clinton had been pilloried in coal country.', [['like him, Mrs. Clinton had been pilloried in coal country', 'Podesta', 'noted', 'Podesta']]],
  // a quoted predicate of an extraposed "it": the infinitive or clause it is about is said too
  ['The former first lady said it was "a mistake" to use private email while at the State Department.', [['it was "a mistake" to use private email while at the State Department', 'The former first lady', 'said', 'former first lady']]],
  ['Barnes said it is not "fair" that the vote was held in August.', [['it is not "fair" that the vote was held in August', 'Barnes', 'said', 'Barnes']]],
  // a passive's by-phrase names the speaker, not its subject
  ['Last year, Facebook was criticised by the Competition Appeal Tribunal and the court of appeal for employing \u201cwhat might be regarded as a high-risk strategy\u201d by not cooperating fully.', [['what might be regarded as a high-risk strategy', 'Competition Appeal Tribunal', 'criticised', 'Competition Appeal Tribunal']]],
  // "ensured" a hearer "that …" (for "assured"), after a first attribution of the same speaker
  ['Prime Minister Justin Trudeau confirmed that the cause of the crash is still entirely unknown, but he ensured Canadians that it will be thoroughly investigated as soon as possible.', [
    ['the cause of the crash is still entirely unknown', 'Justin Trudeau', 'confirmed', 'Justin Trudeau'],
    ['it will be thoroughly investigated as soon as possible', 'he', 'ensured', 'Justin Trudeau'],
  ]],
  // an attribution inside a relative clause: the clause's predicate is what was said
  ['The park is near the football stadium, which, Tompkins said, is usually full of activities on game days.', [['is usually full of activities on game days', 'Tompkins', 'said', 'Tompkins']]],
  ['He backed a policy that, Smith said, was flawed.', [['was flawed', 'Smith', 'said', 'Smith']]],
  // "said as much": a pro-form for what came before
  ['Clinton\u2019s campaign manager Robby Mook said as much in an interview earlier Thursday.', [['as much', 'Robby Mook', 'said', 'Robby Mook']]],
  // a colon lead-in without a verb, its quotation the next paragraph
  ['And from Chairwoman Rosenworcel:\n\n\u201cAnna brings with her a wealth of telecommunications experience and a record of public service\"', [['Anna brings with her a wealth of telecommunications experience and a record of public service', 'Rosenworcel', ':', 'Rosenworcel']]],
  // a noun of what was said, "from" or "by" and a name, then a colon and the quotation
  ['very strong speech from Jacqui Lambie, bluntly opposing One Nation\'s vaccine mandate "discrimination" bill: "that\'s the way it is. We do that to keep people safe. How about that?"', [['that\'s the way it is. We do that to keep people safe. How about that?', 'Jacqui Lambie', ':', 'Jacqui Lambie']]],
  ['The bias shows in how the website rated this statement by Trump on June 11:\n\n\u201cIf you look at what\u2019s going on in this country, youth is an example.\u201d', [['If you look at what\u2019s going on in this country, youth is an example.', 'Trump', ':', 'Trump']]],
  // a quotation that is a sentence of its own after a sentence whose subject is a name (past an opening phrase with a title in marks)
  ['On "Face the Nation," Sen. Bernie Sanders identified young voters\' exhaustion with bigotry as one of the reasons. "The younger people are sick and tired of discrimination and racism."', [['The younger people are sick and tired of discrimination and racism.', null, null, 'Bernie Sanders']]],
  // a participle in a fronted adverbial speaks for the main clause's subject
  ['After saying the plan had failed, the mayor resigned.', [['the plan had failed', 'the mayor', 'saying', 'mayor']]],
  // a relative pronoun, a pronoun speaker and the cue, then the predicate ("which he said were …")
  ['He kept the donations, which he said were accompanied by leverage and return favors.', [['were accompanied by leverage and return favors', 'he', 'said', null]]],
  // after ", said" a name followed by its own verb is the reported clause's subject, not an inverted speaker
  ['Derek Mitchell, who served as ambassador to Burma, said Clinton reached out to McConnell.', [['Clinton reached out to McConnell', 'Derek Mitchell', 'said', 'Derek Mitchell']]],
  // an occasion between the cue and its clause ("after the convention"); a place with its state before "that"
  ['Trump said after the convention he would not accept the endorsement.', [['he would not accept the endorsement', 'Trump', 'said', 'Trump']]],
  ['Clinton says at a rally in Toledo, Ohio, that it means Trump never paid.', [['it means Trump never paid', 'Clinton', 'says', 'Clinton']]],
  // a party and state in parentheses with periods ("(R-S.C.)") does not end the sentence
  ['The plan failed, Sen. Lindsey Graham (R-S.C.) told reporters on Thursday.', [['The plan failed', 'Lindsey Graham', 'told reporters', 'Lindsey Graham']]],
  // a subject, the attribution between commas (a pronoun hearer on its cue), then the subject's predicate
  ['The difference now, he told me on Friday, is that he is the anchor of a news program.', [['The difference now', 'he', 'told', null], ['is that he is the anchor of a news program', 'he', 'told', null]]],
  // an opening plural before "of" (tagged a verb) is the subject, not a clause of its own
  ['Acts of protest, Mr. Obama said, are acts of patriotism.', [['Acts of protest', 'Obama', 'said', 'Obama'], ['are acts of patriotism', 'Obama', 'said', 'Obama']]],
  // ", as" and an attribution that ends the sentence credit the clause before it
  ['The plan failed, as Reuters reported on Monday.', [['The plan failed', 'Reuters', 'reported', 'Reuters']]],
  // what was called for runs on through a relative clause on it
  ['Mr. Trump has called for eliminating the tax treatment of carried interest, which benefits many hedge fund managers.', [['eliminating the tax treatment of carried interest, which benefits many hedge fund managers', 'Trump', 'called for', 'Trump']]],
];

const COUNTER: Array<[string, Seen[]]> = [
  // an aside with a verb in it is no aside; a quotation that opens the clause still ends there
  ['Lavrov noted that "we have only seen escalation" regarding the meeting.', [['"we have only seen escalation"', 'Lavrov', 'noted', 'Lavrov']]],
  ['Moscow said it was "barring entry" to promote its narratives.', [['it was "barring entry"', 'Moscow', 'said', 'Moscow']]],
  ['The group said the bill would impose "costly mandates" without making trains safer.', [['the bill would impose "costly mandates"', 'The group', 'said', 'group']]],
  // ("that" the pronoun, an aside, then a verb: no clause of its own)
  ['He wrote that, among other things, would be reviewed.', []],
  ['The plan was criticized by Democrats for its cost.', []],
  ['Prices rose, as officials said they would.', [['they would', 'officials', 'said', 'officials']]],
  ['However, in the end, the talks collapsed.', []],
  ['"We will win," said a spokesman reached by phone.', [['We will win', 'a spokesman', 'said', 'spokesman']]],
  ['After reading the report, the mayor resigned.', []],
  // (a pronoun or a common noun as the lead-in's subject, or the quotation inside its sentence, gives no one)
  ['The crowd identified exhaustion as one of the reasons. "The younger people are sick and tired of racism."', []],
  ['Sanders spoke of exhaustion. Then the crowd sang "we are sick and tired of racism" twice.', []],
  // (a lead-in whose subject is not the speaker, and a title as the next paragraph)
  ['The bias begins to show when looking at how the website rated a claim on June 11:\n\n\u201cIf you look at what\u2019s going on in this country, youth is an example.\u201d', []],
  ['The winners this year were these:\n\n"Blue Skies Over the Harbour"', []],
  ['The stadium, which, as expected, is full, is near the park.', []],
  ['Donors gave as much as they could, she said.', [['Donors gave as much as they could', 'she', 'said', null]]],
  ['Officials ensured that the vote was fair, and the count ensured voters a say.', []],
];

describe('quotes: speech recall shapes', () => {
  it.each([...ROWS, ...COUNTER])('%s', (input, quotes) => {
    const g = extract(input);
    expectValidGraph(g);
    expect(listed(g)).toEqual(quotes);
  });
});
