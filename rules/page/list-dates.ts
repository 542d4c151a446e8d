/**
 * Dates as column lists and 留言 pages write them (the day arithmetic on ISO dates is in
 * rules/date-parse.ts).
 */

export interface ParsedDate {
  /** ISO date, or null when the text is date-shaped but impossible (2021-02-30). */
  iso: string | null;
  /** The date as the page wrote it. */
  raw: string;
  /** Offset of `raw` in the searched text. */
  index: number;
}

// A full date: 2021-03-05, 2021/3/5, 2021.03.05, 2021年3月5日 (a time may follow; it is ignored).
const FULL = /(?<![\d.])((?:19|20)\d{2})\s*([-/.年])\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?:\s*日)?(?![\d.]*\d)/g;
// A date without its year, alone in its element: [03-05], 03-05, 3月5日, (03/05), 【03.05】.
const NO_YEAR = /^[[【(（]?\s*(\d{1,2})\s*([-/.月])\s*(\d{1,2})\s*日?\s*[\]】)）]?$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO date of y-m-d when it exists on the calendar, else null. */
export function makeIso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Every full-year date in a text, in order. */
export function findFullDates(text: string): ParsedDate[] {
  const out: ParsedDate[] = [];
  FULL.lastIndex = 0;
  for (let m = FULL.exec(text); m; m = FULL.exec(text)) {
    // 2021年3月5 without 日 is fine; 2021-3月-5 mixes separators and is not a date.
    const sep = m[2];
    const raw = m[0].trim();
    if (sep === '年' ? !/月/.test(raw) : /[年月]/.test(raw)) continue;
    out.push({ iso: makeIso(+m[1], +m[3], +m[4]), raw, index: m.index });
  }
  return out;
}

/**
 * A date without a year (`[03-05]`, `3月5日`), when that is all the text says. The year comes
 * from today: this year, or last year when the date would otherwise lie in the future
 * (a list shown on 2026-01-03 with an item `[12-28]` means 2025-12-28).
 */
export function parseYearlessDate(text: string, today: string): ParsedDate | null {
  const t = text.trim();
  const m = NO_YEAR.exec(t);
  if (!m) return null;
  // 3.5 alone could be a version number or a score; month-day with a dot needs two digits (03.05).
  if (m[2] === '.' && (m[1].length !== 2 || m[3].length !== 2)) return null;
  if (m[2] === '月' && !/日/.test(t)) return null;
  const year = +today.slice(0, 4);
  let iso = makeIso(year, +m[1], +m[3]);
  if (iso && iso > today) iso = makeIso(year - 1, +m[1], +m[3]);
  // 02-29 in a year without one: last year's calendar may have it (a leap year's item).
  if (!iso) {
    const prev = makeIso(year - 1, +m[1], +m[3]);
    if (prev && prev <= today) iso = prev;
  }
  return { iso, raw: t, index: text.indexOf(t) };
}

/** The first date of a text: a full date anywhere in it, or a year-less date that is the whole text. */
export function parseListDate(text: string, today: string): ParsedDate | null {
  return findFullDates(text)[0] ?? parseYearlessDate(text, today);
}
