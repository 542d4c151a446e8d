/**
 * Check digits of the codes embedded in index numbers:
 * GB 11714 组织机构代码 (9 chars) and GB 32100-2015 统一社会信用代码 (18 chars).
 */

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character GB 11714 gives for an 8-character body (digits and capital letters). */
export function orgCodeCheck(body: string): string | null {
  if (!/^[0-9A-Z]{8}$/.test(body)) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body[i];
    const v = c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55; // A=10 … Z=35
    sum += v * ORG_WEIGHTS[i];
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

/** The check character GB 32100 gives for a 17-character body. */
export function usccCheck(body: string): string | null {
  if (body.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARS.indexOf(body[i]);
    if (v < 0) return null;
    sum += v * USCC_WEIGHTS[i];
  }
  return USCC_CHARS[(31 - (sum % 31)) % 31];
}

export interface CodeCheck {
  kind: 'org' | 'uscc';
  code: string;
  expected: string;
  ok: boolean;
}

export function checkOrgCode(code9: string): CodeCheck | null {
  const expected = orgCodeCheck(code9.slice(0, 8));
  if (!expected || code9.length !== 9) return null;
  return { kind: 'org', code: code9, expected, ok: expected === code9[8] };
}

export function checkUscc(code18: string): CodeCheck | null {
  const expected = usccCheck(code18.slice(0, 17));
  if (!expected || code18.length !== 18) return null;
  return { kind: 'uscc', code: code18, expected, ok: expected === code18[17] };
}
