/**
 * One audit per snapshot at a time. The content script sends its snapshot again when no answer
 * comes in 10 s (the worker may have been stopped); a worker that is alive but slow — a 3 MB page —
 * then hears the same snapshot again, and without this would audit it once per retry. A retry of a
 * snapshot still being audited joins the audit under way and gets its answer.
 */
export function inFlight<T>(): (key: string, work: () => Promise<T>) => Promise<T> {
  const running = new Map<string, Promise<T>>();
  return (key, work) => {
    const current = running.get(key);
    if (current) return current;
    const p = work().finally(() => running.delete(key));
    running.set(key, p);
    return p;
  };
}

/** A key for a snapshot: the tab, the URL and a 32-bit FNV-1a of the HTML (cheap next to an audit). */
export function snapshotKey(tabId: number | undefined, url: string, html: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < html.length; i++) {
    h ^= html.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${tabId ?? '-'}|${url}|${html.length}|${(h >>> 0).toString(16)}`;
}
