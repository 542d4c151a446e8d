/**
 * Check digits of personal numbers (sibling of codes.ts, which has the organisation codes):
 * GB 11643-1999 公民身份号码 (ISO 7064 MOD 11-2) and the Luhn check of bank card numbers
 * (ISO/IEC 7812-1).
 */
import { isValidYmd } from './date-parse';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The check character GB 11643 gives for the first 17 digits, null when they are not 17 digits. */
export function idCardCheck(body17: string): string | null {
  if (!/^\d{17}$/.test(body17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (body17.charCodeAt(i) - 48) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

/**
 * True when an 18-character string is a plausible 公民身份号码: region code starting 1–8, a real
 * birth date between 1900 and `today`, and the right check character.
 */
export function isIdNumber(s: string, today = '2100-01-01'): boolean {
  if (!/^[1-8]\d{16}[\dXx]$/.test(s)) return false;
  const y = +s.slice(6, 10);
  const m = +s.slice(10, 12);
  const d = +s.slice(12, 14);
  if (y < 1900 || !isValidYmd(y, m, d)) return false;
  if (`${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}` > today) return false;
  return idCardCheck(s.slice(0, 17)) === s[17].toUpperCase();
}

/** Luhn (mod 10) check over a string of digits. */
export function luhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = digits.length - 1, alt = false; i >= 0; i--, alt = !alt) {
    let v = digits.charCodeAt(i) - 48;
    if (alt) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
  }
  return sum % 10 === 0;
}

/** Masks all but the first and last few characters, so findings never repeat the data they report. */
export function mask(s: string, head: number, tail: number): string {
  return s.slice(0, head) + '*'.repeat(Math.max(0, s.length - head - tail)) + s.slice(s.length - tail);
}

export const ID_RE = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
export const PHONE_RE = /(?<![0-9A-Za-z\-])(?:\+?86[-\s]?)?(1[3-9]\d)([-\s]?)(\d{4})\2(\d{4})(?![0-9A-Za-z])/g;
export const CARD_RE = /(?<![0-9A-Za-z\-])(?:\d{4}[\s-]?){3}\d{4}(?:\d{1,3})?(?![0-9A-Za-z\-])/g;

/** A 16–19 digit number that can be a payment card: Luhn, a card scheme's first digit (UnionPay 62, Visa 4, Mastercard 5 …), not an ID number. */
export function isCardNumber(digits: string, today?: string): boolean {
  return digits.length >= 16 && digits.length <= 19 && /^[3-69]/.test(digits) && luhn(digits) && !(digits.length === 18 && isIdNumber(digits, today));
}

/**
 * Every unmasked ID, mobile and bank-card number in a text, masked (35**************123,
 * 138****5678, 6222***********0128). The engine passes every excerpt, message and suggestion
 * through it, so no finding — whatever its rule — repeats personal data into the store, the
 * popup or an export.
 */
export function maskPersonalData(text: string): string {
  if (!/\d{11}/.test(text.replace(/[\s-]/g, ''))) return text;
  return text
    .replace(ID_RE, (m) => (isIdNumber(m) ? mask(m, 2, 3) : m))
    .replace(CARD_RE, (m) => (isCardNumber(m.replace(/[\s-]/g, '')) ? mask(m.replace(/[\s-]/g, ''), 4, 4) : m))
    .replace(PHONE_RE, (m, a: string, _sep: string, b: string, c: string) => mask(a + b + c, 3, 4));
}
