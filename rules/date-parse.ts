/** Reading dates as government pages write them, and counting working days. */

export interface ParsedDate {
  y: number;
  m: number;
  d: number;
  /** YYYY-MM-DD (only meaningful when valid). */
  iso: string;
  /** False for impossible dates such as 2018-02-30. */
  valid: boolean;
}

const DATE_RE = /((?:19|20)\d{2})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})\s*日?/;

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The first full date (year, month, day) in the text, or null when there is none. */
export function parseDate(text: string): ParsedDate | null {
  const m = DATE_RE.exec(text);
  if (!m) return null;
  const y = +m[1];
  const mo = +m[2];
  const d = +m[3];
  return { y, m: mo, d, iso: iso(y, mo, d), valid: isValidYmd(y, mo, d) };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Days since 1970-01-01 of an ISO date (UTC: no time zone gets in the way). */
export function dayNumber(isoDate: string): number {
  return Math.round(Date.UTC(+isoDate.slice(0, 4), +isoDate.slice(5, 7) - 1, +isoDate.slice(8, 10)) / 86400000);
}

export function fromDayNumber(n: number): string {
  const d = new Date(n * 86400000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** b − a in calendar days (ISO dates). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** The same day `months` later; the 31st clamps to the month's last day (2026-08-31 + 3 → 2026-11-30). */
export function addMonths(isoDate: string, months: number): string {
  const y = +isoDate.slice(0, 4);
  const m = +isoDate.slice(5, 7) - 1 + months;
  const d = +isoDate.slice(8, 10);
  const ty = y + Math.floor(m / 12);
  const tm = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return `${ty}-${pad(tm + 1)}-${pad(Math.min(d, last))}`;
}

/**
 * Working days after `from` up to and including `to`: Saturdays and Sundays do not count, nor
 * the listed holidays; the listed make-up working days (调休) do count even on a weekend.
 * A reply on the next working day is 1.
 */
export function workingDaysBetween(from: string, to: string, holidays: Iterable<string> = [], makeUpDays: Iterable<string> = []): number {
  const off = new Set(holidays);
  const on = new Set(makeUpDays);
  const a = dayNumber(from);
  const b = dayNumber(to);
  let n = 0;
  for (let d = a + 1; d <= b; d++) {
    const day = fromDayNumber(d);
    const dow = new Date(d * 86400000).getUTCDay();
    if (on.has(day)) n++;
    else if (dow !== 0 && dow !== 6 && !off.has(day)) n++;
  }
  return n;
}
