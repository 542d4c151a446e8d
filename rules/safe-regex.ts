/**
 * User regexes (per-site index-number patterns) are checked before they are ever run: a pattern
 * with a repeated group that itself repeats — `(a+)+$`, `^([0-9A-Z]+-?)+/…` — backtracks
 * exponentially on a near-miss and can hold a page for minutes. JavaScript has no engine without
 * backtracking, so such patterns are refused statically (the classic star-height test), and the
 * ones accepted run only on short input (index numbers are ~20 characters: see MAX_SUBJECT).
 */

/** Longest text a user regex is run on; index numbers are 20–30 characters. */
export const MAX_SUBJECT = 100;

export type RegexProblem = { kind: 'syntax'; detail: string } | { kind: 'nested' };

/** Why a user pattern is refused, or null when it may be used. */
export function regexProblem(source: string): RegexProblem | null {
  try {
    new RegExp(source);
  } catch (e) {
    return { kind: 'syntax', detail: e instanceof Error ? e.message : String(e) };
  }
  return hasNestedQuantifier(source) ? { kind: 'nested' } : null;
}

/**
 * True when a group that contains an unbounded quantifier (+ * {n,}) is itself quantified by
 * one. Escapes and character classes are skipped; bounded repeats ({n}, {n,m}, ?) are not
 * counted, since they cannot multiply without limit.
 */
export function hasNestedQuantifier(source: string): boolean {
  const stack: boolean[] = []; // per open group: does it contain an unbounded quantifier?
  let lastGroupUnbounded = false; // the group that just closed, if the previous token was ')'
  let prevWasGroup = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      prevWasGroup = false;
      continue;
    }
    if (c === '[') {
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
      prevWasGroup = false;
      continue;
    }
    if (c === '(') {
      stack.push(false);
      prevWasGroup = false;
      continue;
    }
    if (c === ')') {
      lastGroupUnbounded = stack.pop() ?? false;
      if (stack.length && lastGroupUnbounded) stack[stack.length - 1] = true;
      prevWasGroup = true;
      continue;
    }
    const unbounded = c === '+' || c === '*' || (c === '{' && /^\{\d+,\}/.test(source.slice(i)));
    if (unbounded) {
      if (prevWasGroup && lastGroupUnbounded) return true;
      if (stack.length) stack[stack.length - 1] = true;
    }
    if (c === '{') {
      const close = source.indexOf('}', i);
      if (close > i) i = close;
    }
    // A lazy or possessive mark after a quantifier belongs to it.
    if ((unbounded || c === '?' || c === '}') && source[i + 1] === '?') i++;
    prevWasGroup = false;
  }
  return false;
}

/** Compiles a checked pattern, or null when it is refused (the config validator says why). */
export function compileUserRegex(source: string): RegExp | null {
  return regexProblem(source) ? null : new RegExp(source);
}

/** Tests a user regex on at most MAX_SUBJECT characters: longer text does not match. */
export function testBounded(re: RegExp, text: string): boolean {
  return text.length <= MAX_SUBJECT && re.test(text);
}
