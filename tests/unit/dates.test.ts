import { describe, expect, test } from 'vitest';
import {
  coercePartialDate,
  comparePartialDates,
  datePrecision,
  formatPartialDate,
  parsePartialDate,
  partialDateStart,
  type PartialDate,
} from '../../src/lib/dates.ts';

describe('parsePartialDate', () => {
  test.each([
    ['2018', '2018'],
    ['2018-08', '2018-08'],
    ['2018-08-30', '2018-08-30'],
    ['2020-02-29', '2020-02-29'],
    [' 2018-08 ', '2018-08'],
  ])('accepts %j', (text, expected) => {
    expect(parsePartialDate(text)).toBe(expected);
  });

  test.each(['2018-13', '2018-00', '2018-02-30', '2019-02-29', '18-08-30', '2018/08/30', 'August 2018', ''])(
    'refuses %j',
    (text) => {
      expect(parsePartialDate(text)).toBeUndefined();
    },
  );
});

describe('coercePartialDate', () => {
  test('turns a YAML year number into text', () => {
    expect(coercePartialDate(2018)).toBe('2018');
  });

  test('turns a YAML date object into a day', () => {
    expect(coercePartialDate(new Date(Date.UTC(2018, 7, 30)))).toBe('2018-08-30');
  });

  test('refuses other values', () => {
    expect(coercePartialDate(2018.5)).toBeUndefined();
    expect(coercePartialDate({})).toBeUndefined();
  });
});

describe('formatPartialDate', () => {
  test.each([
    ['2018', '2018'],
    ['2018-08', 'August 2018'],
    ['2018-08-05', '5 August 2018'],
  ])('formats %s as %s', (date, expected) => {
    expect(formatPartialDate(date as PartialDate)).toBe(expected);
  });
});

describe('datePrecision and ordering', () => {
  test('knows its precision', () => {
    expect(datePrecision('2018' as PartialDate)).toBe('year');
    expect(datePrecision('2018-08' as PartialDate)).toBe('month');
    expect(datePrecision('2018-08-30' as PartialDate)).toBe('day');
  });

  test('sorts a year before its months and days', () => {
    const dates = ['2018-08-30', '2018', '2017-12', '2018-08'] as PartialDate[];
    expect([...dates].sort(comparePartialDates)).toEqual(['2017-12', '2018', '2018-08', '2018-08-30']);
  });

  test('starts a partial date at its first instant', () => {
    expect(partialDateStart('2018-08' as PartialDate)).toBe('2018-08-01T00:00:00.000Z');
  });
});
