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

/** Whole days from a to b (ISO dates); positive when b is later. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b + 'T00:00:00Z') - Date.parse(a + 'T00:00:00Z')) / 86400000);
}

/** Working days after `from` up to and including `to`: weekends and the listed holidays excluded. */
export function workingDaysBetween(from: string, to: string, holidays: Iterable<string> = []): number {
  const off = new Set(holidays);
  const start = Date.parse(from + 'T00:00:00Z');
  const end = Date.parse(to + 'T00:00:00Z');
  if (!(end > start)) return 0;
  let n = 0;
  for (let t = start + 86400000; t <= end; t += 86400000) {
    const day = new Date(t);
    const dow = day.getUTCDay();
    if (dow === 0 || dow === 6) continue;
    if (off.has(day.toISOString().slice(0, 10))) continue;
    n++;
  }
  return n;
}

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(isoDate + 'T00:00:00Z') + days * 86400000).toISOString().slice(0, 10);
}
