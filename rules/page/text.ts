/** Text normalisation shared by the extractor and the rules. */

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff\\u3000-\\u303f\\uff00-\\uffef';
// A line break between two CJK characters is source formatting, not a space a reader sees
// (CSS Text 3 segment-break transformation); keeping it would split words like 政务\n公开.
const CJK_BREAK = new RegExp(`([${CJK}])[ \\t\\u00a0\\u3000]*[\\r\\n][\\s\\u00a0\\u3000]*(?=[${CJK}])`, 'g');

/** Collapses white space (incl. nbsp and the ideographic space) to single spaces and trims. */
export function normalizeSpace(s: string): string {
  // Most text nodes are short runs with no line break: skip the costlier pattern for them.
  const t = s.includes('\n') || s.includes('\r') ? s.replace(CJK_BREAK, '$1') : s;
  return t.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, ' ').trim();
}

/** Removes every kind of white space: for comparing labels written as `索 引 号`. */
export function stripSpace(s: string): string {
  return s.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '');
}

/** Headline/name comparison: no spaces, no punctuation, full-width letters and digits folded. */
export function foldForCompare(s: string): string {
  return toHalfWidth(s)
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[\p{P}\p{S}]/gu, '')
    .toLowerCase();
}

/** Full-width ASCII (Ａ１：) to half-width. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
