/**
 * One problem, one row: findings of the same rule with the same message on a page (the same
 * placeholder 29 times, the same garbled sequence in 17 blocks) are shown as one group with its
 * count, in the order of their first member. Used by the popup and the in-page panel.
 */
export interface FindingGroup<T> {
  key: string;
  items: T[];
}

/** Rules that report a block once (its whole text, not a spot in it): one row per page, however many blocks. */
const PER_BLOCK = new Set(['text/mixed-script', 'text/pinyin-residue', 'text/halfwidth-punct']);

export function groupFindings<T extends { ruleId: string; message: string }>(list: readonly T[]): FindingGroup<T>[] {
  const groups = new Map<string, FindingGroup<T>>();
  for (const f of list) {
    const key = PER_BLOCK.has(f.ruleId) ? f.ruleId : `${f.ruleId}\u0000${f.message}`;
    const g = groups.get(key);
    if (g) g.items.push(f);
    else groups.set(key, { key, items: [f] });
  }
  return [...groups.values()];
}
