import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AGENCY_NAMES, findAgency } from '../src/lexicon/agencies.js';
import { MONTH_ABBREVIATIONS, MONTH_NUMBERS, MONTH_PATTERN, MONTH_WORDS } from '../src/lexicon/months.js';
import { WEEKDAY_ABBREVIATION_PATTERN, WEEKDAY_NAMES } from '../src/lexicon/weekdays.js';

// Issue 12 step 7: one home for word lists. Each list of src/lexicon/ says where it comes from,
// the months, weekdays and agencies are indexed once (by src/lexicon/months.ts, weekdays.ts,
// agencies.ts), and no source file writes a month or weekday list of its own.

const SRC = resolve(import.meta.dirname, '..', 'src');
const LEXICON = join(SRC, 'lexicon');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('src/lexicon', () => {
  it('every list says where it comes from', () => {
    const files = readdirSync(LEXICON).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(16);
    const without = files.filter((f) => {
      const p = (JSON.parse(readFileSync(join(LEXICON, f), 'utf8')) as { provenance?: unknown }).provenance;
      return typeof p !== 'string' || p.length < 40;
    });
    expect(without).toEqual([]);
  });

  it('months.json, weekdays.json and agencies.json are each read by their one index', () => {
    const readers = new Map<string, string[]>();
    for (const f of sources(SRC)) {
      for (const m of readFileSync(f, 'utf8').matchAll(/from '[./]*(?:lexicon\/)?(months|weekdays|agencies)\.json'/g)) {
        readers.set(m[1]!, [...(readers.get(m[1]!) ?? []), relative(SRC, f)]);
      }
    }
    expect(readers.get('months')).toEqual(['lexicon/months.ts']);
    expect(readers.get('weekdays')).toEqual(['lexicon/weekdays.ts']);
    // (the entities stage, not this to move, still reads agencies.json itself)
    expect(readers.get('agencies')!.sort()).toEqual(['lexicon/agencies.ts', 'stages/entities/name-index.ts']);
  });

  it('no source file outside src/lexicon writes a month or weekday list', () => {
    // (a list item, in either case, or a regular expression's alternatives; not a comment's "on Wednesday")
    const inline = /'(?:january|february|september|monday|tuesday|wednesday|January|February|September|Monday|Tuesday|Wednesday|Jan|Sept|Tues)'|Jan\(\?:uary\)|Sept\?\(\?:ember\)|\(\?:Mon\|Tue/;
    const found = sources(SRC).filter((f) => !f.startsWith(LEXICON) && inline.test(readFileSync(f, 'utf8'))).map((f) => relative(SRC, f));
    expect(found).toEqual([]);
  });
});

describe('the indexes', () => {
  it('months: numbers, abbreviations, words as running text writes them, and the capitalised pattern', () => {
    expect(MONTH_NUMBERS.sept).toBe(9);
    expect(MONTH_NUMBERS.may).toBe(5);
    expect([...MONTH_ABBREVIATIONS].sort()).toEqual(['apr', 'aug', 'dec', 'feb', 'jan', 'jul', 'jun', 'mar', 'nov', 'oct', 'sep', 'sept']);
    expect(MONTH_WORDS.has('sept.')).toBe(true);
    expect(MONTH_WORDS.has('may')).toBe(true);
    expect(MONTH_WORDS.has('jan')).toBe(false);
    const month = new RegExp(`^${MONTH_PATTERN}$`);
    for (const w of ['January', 'Jan', 'May', 'June', 'Jun', 'Sept', 'Sep', 'September']) expect(month.test(w), w).toBe(true);
    for (const w of ['january', 'Ma', 'Junes', 'Septe', 'Sepember']) expect(month.test(w), w).toBe(false);
  });

  it('weekdays: names Sunday first, and the abbreviation pattern', () => {
    expect(WEEKDAY_NAMES).toEqual(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']);
    const day = new RegExp(`^${WEEKDAY_ABBREVIATION_PATTERN}$`);
    for (const w of ['Mon', 'Tues', 'Thurs', 'Sun']) expect(day.test(w), w).toBe(true);
    expect(day.test('Mo')).toBe(false);
  });

  it('agencies: one index for credits (normalised) and for the names as written', () => {
    expect(findAgency('REUTERS')?.name).toBe('Reuters');
    expect(findAgency('AP.')?.name).toBe(findAgency('AP')?.name);
    expect(AGENCY_NAMES.has('afp')).toBe(true);
    expect(AGENCY_NAMES.has('the')).toBe(false);
  });
});
