import { describe, expect, it } from 'vitest';
import { findFullDates, parseListDate, parseYearlessDate } from '../../../rules/page/list-dates';
import { addMonths, daysBetween, workingDaysBetween } from '../../../rules/date-parse';

const T = '2026-11-22';

describe('list dates', () => {
  it('reads the formats column lists use', () => {
    expect(parseListDate('2021-03-05', T)?.iso).toBe('2021-03-05');
    expect(parseListDate('2021/3/5', T)?.iso).toBe('2021-03-05');
    expect(parseListDate('2021年3月5日', T)?.iso).toBe('2021-03-05');
    expect(parseListDate('2021.03.05', T)?.iso).toBe('2021-03-05');
    expect(parseListDate('发布时间：2021-03-05 10:20:30', T)?.iso).toBe('2021-03-05');
    expect(parseListDate('2021年3月5', T)?.iso).toBe('2021-03-05');
  });

  it('takes the year of a year-less date from today, or last year when it would be in the future', () => {
    expect(parseYearlessDate('[11-20]', T)?.iso).toBe('2026-11-20');
    expect(parseYearlessDate('[12-28]', T)?.iso).toBe('2025-12-28');
    expect(parseYearlessDate('03-05', T)?.iso).toBe('2026-03-05');
    expect(parseYearlessDate('3月5日', T)?.iso).toBe('2026-03-05');
    expect(parseYearlessDate('【03.05】', T)?.iso).toBe('2026-03-05');
    expect(parseYearlessDate('02-29', '2025-03-01')?.iso).toBe('2024-02-29');
  });

  it('does not take numbers that are not dates', () => {
    expect(parseYearlessDate('3.5', T)).toBeNull();
    expect(parseYearlessDate('第3-5条', T)).toBeNull();
    expect(findFullDates('编号 120211-03-05')).toEqual([]);
    expect(findFullDates('版本 2021.03.05.1')).toEqual([]);
    expect(findFullDates('2021-3月-5')).toEqual([]);
  });

  it('keeps an impossible date as text without an ISO value', () => {
    const d = parseListDate('2018-02-30', T);
    expect(d?.iso).toBeNull();
    expect(d?.raw).toBe('2018-02-30');
    expect(parseYearlessDate('[13-05]', T)?.iso).toBeNull();
  });

  it('counts days, months and working days', () => {
    expect(daysBetween('2026-10-01', T)).toBe(52);
    expect(addMonths('2026-08-31', 3)).toBe('2026-11-30');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    // Mon 2026-11-02 → Fri 2026-11-13: 9 working days.
    expect(workingDaysBetween('2026-11-02', '2026-11-13')).toBe(9);
    // Fri → Mon is one working day.
    expect(workingDaysBetween('2026-11-06', '2026-11-09')).toBe(1);
    expect(workingDaysBetween('2026-09-30', '2026-10-09', ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'])).toBe(2);
    // A Saturday made a working day (调休) counts.
    expect(workingDaysBetween('2026-10-09', '2026-10-12', [], ['2026-10-10'])).toBe(2);
  });
});
