import { describe, expect, it } from 'vitest';
import { daysInMonth, isCalendarDate, isCalendarMonth, isIsoTimestamp, isoCalendarPrefix } from '../src/text/calendar.js';
import { escapeForTerminal, escapeInline } from '../src/cli/terminal.js';

describe('calendar dates', () => {
  it('knows the length of each month, leap years included', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2015, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect([daysInMonth(2016, 2), daysInMonth(1900, 2), daysInMonth(2000, 2)]).toEqual([29, 28, 29]);
    expect([daysInMonth(2016, 0), daysInMonth(2016, 13)]).toEqual([0, 0]);
  });
  it('refuses days and months that do not exist', () => {
    expect(isCalendarDate(2016, 2, 29)).toBe(true);
    expect(isCalendarDate(2016, 2, 30)).toBe(false);
    expect(isCalendarDate(2016, 13, 1)).toBe(false);
    expect(isCalendarDate(2016, 12, 0)).toBe(false);
    expect(isCalendarDate(999, 1, 1)).toBe(false);
    expect(isCalendarMonth(2016, 13)).toBe(false);
    expect(isCalendarMonth(2016, 12)).toBe(true);
  });
  it('reads ISO prefixes only when they are real dates', () => {
    expect(['2016', '2016-11', '2016-11-08', '2016-11-08T10:00:00Z', ' 2016-02-29 '].map(isoCalendarPrefix)).toEqual(['2016', '2016-11', '2016-11-08', '2016-11-08', '2016-02-29']);
    expect(['2016-13-45', '2016-02-30', '2016-13', '0000', '20161108', 'soon', '2016-11-08x'].map(isoCalendarPrefix)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });
  it('checks timestamps for a real day and time', () => {
    expect(['2016-11-08T10:30:00Z', '2016-11-08T10:30', '2016-11-08 23:59:59.5+02:00'].map(isIsoTimestamp)).toEqual([true, true, true]);
    expect(['2016-02-30T10:00:00Z', '2016-11-08T24:00:00Z', '2016-11-08T10:60Z', '2016-11-08'].map(isIsoTimestamp)).toEqual([false, false, false, false]);
  });
});

describe('terminal escaping', () => {
  it('makes escape sequences and controls visible, keeps text, tabs and newlines', () => {
    expect(escapeForTerminal('\u001b]0;owned\u0007Hi\u001b[2J')).toBe('\\x1b]0;owned\\x07Hi\\x1b[2J');
    expect(escapeForTerminal('a\tb\nc\rd\u009be\u202ef')).toBe('a\tb\nc\\x0dd\\x9be\\u{202e}f');
    expect(escapeForTerminal('“Lavrov”, Zürich — ok')).toBe('“Lavrov”, Zürich — ok');
  });
  it('keeps an inline value on one line', () => {
    expect(escapeInline('a\nb\tc\u001b')).toBe('a\\nb\\tc\\x1b');
  });
});
