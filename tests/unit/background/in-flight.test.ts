import { describe, expect, it } from 'vitest';
import { inFlight, snapshotKey } from '../../../utils/in-flight';

describe('one audit per snapshot at a time', () => {
  it('a resent snapshot joins the audit under way; a later one runs again', async () => {
    const once = inFlight<number>();
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const work = async () => {
      runs++;
      await gate;
      return runs;
    };
    const key = snapshotKey(7, 'http://www.cnx.gov.cn/a.html', '<html>页面</html>');
    const first = once(key, work);
    const retries = [once(key, work), once(key, work), once(key, work)];
    release();
    expect(await Promise.all([first, ...retries])).toEqual([1, 1, 1, 1]);
    expect(runs).toBe(1);
    // Done: the next snapshot (a re-check) is audited again; another page's is never joined.
    expect(await once(key, work)).toBe(2);
    expect(snapshotKey(7, 'http://www.cnx.gov.cn/a.html', '<html>页面改</html>')).not.toBe(key);
  });
});
