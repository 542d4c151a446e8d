/**
 * The 巡检 page's engine room: opens the findings store and the sweep queue, runs the sweep runner
 * here (a long-lived extension page, not the service worker, which the browser stops after ~30 s
 * idle), and audits every page through the same path as a page read by hand (keepPageAudit).
 * Fetches carry the user's session (credentials: 'include'), so intranet sites behind a login work.
 */
import { browser } from 'wxt/browser';
import { todayIso } from '../../rules/config';
import type { Level } from '../../rules/types';
import { keepPageAudit, storeLookups } from '../../utils/audit-service';
import { BUILT_IN_HOSTS, patternFor } from '../../utils/auto-sites';
import { openStore, type Store } from '../../utils/db';
import { loadConfig } from '../../utils/settings';
import { IdbQueue, latestSweepId, openSweepDb, pruneSweeps, type SweepDatabase } from '../../utils/sweep/idb-queue';
import { brokenLinkFindings } from '../../utils/sweep/link-pass';
import { auditForSweep } from '../../utils/sweep/page-audit';
import type { QueueEntry, SweepOptions } from '../../utils/sweep/queue';
import { Sweep, type SweepProgress } from '../../utils/sweep/runner';

export interface View {
  progress: SweepProgress | null;
  entries: readonly QueueEntry[];
  options: SweepOptions | null;
  today: string | null;
  /** A message for the user (a refused permission, a failed write). */
  notice: string | null;
}

export type NewSweepInput = Partial<Omit<SweepOptions, 'start'>> & { start: string[] };

export class SweepController {
  private sweep: Sweep | null = null;
  private notice: string | null = null;

  private constructor(
    private store: Store,
    private db: SweepDatabase,
    private onChange: (v: View) => void,
  ) {}

  static async open(onChange: (v: View) => void): Promise<SweepController> {
    const [store, db] = await Promise.all([openStore(), openSweepDb()]);
    const c = new SweepController(store, db, onChange);
    const id = await latestSweepId(db);
    if (id) {
      c.sweep = await c.openSweep(id);
      // It was running when the page closed or the browser stopped: go on.
      if (c.sweep.record.status === 'running') void c.run();
    }
    c.emit();
    return c;
  }

  view(): View {
    const s = this.sweep;
    return { progress: s?.progress() ?? null, entries: s?.list() ?? [], options: s?.record.options ?? null, today: s?.record.today ?? null, notice: this.notice ?? s?.record.error ?? null };
  }

  private emit() {
    this.onChange(this.view());
  }

  private async openSweep(id: string, options?: NewSweepInput): Promise<Sweep> {
    const config = await loadConfig();
    const queue = new IdbQueue(this.db, id);
    const saved = await queue.load();
    const today = saved.record?.today ?? config.today ?? todayIso();
    const cfg = { ...config, today };
    return Sweep.open(
      {
        queue,
        today,
        fetchOptions: { credentials: 'include' },
        audit: (page) =>
          auditForSweep(
            page,
            cfg,
            async (model, result) => {
              const all = await keepPageAudit(this.store, model, result);
              const counts: Record<Level, number> = { error: 0, warn: 0, info: 0 };
              for (const f of all) if (f.status === 'open') counts[f.level]++;
              return counts;
            },
            { lookups: storeLookups(this.store) },
          ),
        onProgress: () => this.emit(),
      },
      options,
    );
  }

  /**
   * Starts a new sweep. Call it from the click: a site outside *.gov.cn needs its permission, and
   * the browser asks only inside a user gesture.
   */
  async start(input: NewSweepInput): Promise<void> {
    this.notice = null;
    const hosts = new Set<string>();
    for (const u of input.start) {
      try {
        hosts.add(new URL(u.trim()).hostname.toLowerCase());
      } catch {
        /* the runner names the bad URL */
      }
    }
    const needed = [...hosts].filter((h) => !BUILT_IN_HOSTS.test(h)).map(patternFor);
    if (needed.length) {
      const granted = await browser.permissions.request({ origins: needed }).catch(() => false);
      if (!granted) {
        this.notice = `没有获得访问 ${[...hosts].join('、')} 的权限，无法巡检（浏览器询问时请选“允许”）`;
        this.emit();
        return;
      }
    }
    if (this.sweep && this.sweep.record.status === 'running') await this.sweep.cancel();
    const id = `sweep-${Date.now().toString(36)}`;
    try {
      this.sweep = await this.openSweep(id, input);
    } catch (e) {
      this.notice = e instanceof Error ? e.message : String(e);
      this.emit();
      return;
    }
    await pruneSweeps(this.db, 3).catch(() => {});
    void this.run();
  }

  private async run() {
    const s = this.sweep;
    if (!s) return;
    this.emit();
    await s.run();
    if (s.record.status === 'done') await this.linkPass(s);
    this.emit();
  }

  /** After the sweep: what could not be fetched becomes link/broken on the pages that link to it. */
  private async linkPass(s: Sweep) {
    const config = { ...(await loadConfig()), today: s.record.today };
    const byPage = await brokenLinkFindings(s.list(), config);
    for (const [url, findings] of byPage) {
      const page = await this.store.page(url);
      if (!page) continue;
      // Adds and refreshes, closes nothing: the sweep knows only the links it followed.
      await this.store.reconcile(page, findings, { scope: () => false, run: 'links' });
    }
  }

  async pause() {
    await this.sweep?.pause();
    this.emit();
  }

  async resume() {
    this.notice = null;
    void this.run();
  }

  async cancel() {
    await this.sweep?.cancel();
    this.emit();
  }
}
