/** Small helpers shared by the text rules. */

export const REF_GBT15834 = 'GB/T 15834-2011《标点符号用法》';
export const REF_INDICATORS = '《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）：严重错别字、严重表述错误';

/** Han characters (CJK Unified Ideographs, Ext. A and compatibility). */
export const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
export const HAN_RE = new RegExp(`[${HAN}]`);

export function isHan(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/** The match with `context` characters of text on each side, marked with ellipses where cut. */
export function excerptAround(text: string, start: number, end: number, context = 20): string {
  const a = Math.max(0, start - context);
  const b = Math.min(text.length, end + context);
  return (a > 0 ? '…' : '') + text.slice(a, b) + (b < text.length ? '…' : '');
}

/** Counts occurrences per string so that keys (`word#n`) stay stable across re-audits. */
export class OccurrenceCounter {
  private counts = new Map<string, number>();
  next(s: string): number {
    const n = this.counts.get(s) ?? 0;
    this.counts.set(s, n + 1);
    return n;
  }
}

/** True when one of `words` occurs in `text` covering [start, end) (user whitelist: words never reported). */
export function coveredByAny(text: string, start: number, end: number, words: readonly string[] | undefined): boolean {
  if (!words) return false;
  for (const w of words) {
    if (!w || w.length < end - start) continue;
    const at = text.indexOf(w, Math.max(0, end - w.length));
    if (at >= 0 && at <= start) return true;
  }
  return false;
}
