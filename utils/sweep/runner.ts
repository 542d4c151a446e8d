/**
 * The sweep runner, one module for the dashboard's 巡检 page and `govlint sweep` alike: a queue of
 * URLs worked breadth first, at most `concurrency` requests at once per host with `delayMs` between
 * two starts on a host (robots.txt's Crawl-delay raises it; its Disallow skips), retries with
 * back-off for failures that may pass, and every page through the caller's `audit` — the same
 * extractPage + audit + store as a page read by hand. All state is in the QueueStore, so a sweep
 * resumes where it stopped without fetching a finished page again (a page in flight when the
 * process died is fetched again: its result was never saved).
 */
import type { ColumnStatus } from '../../rules/columns';
import type { Level, PageModel } from '../../rules/types';
import { discover, inScope, sweepKey } from './discover';
import { fetchPage, type FetchOptions, type FetchOutcome } from './fetch-page';
import { DEFAULT_OPTIONS, type EntryError, type QueueEntry, type QueueStore, type SweepOptions, type SweepRecord, type SweepStatus } from './queue';
import { ALLOW_ALL, robotsFromResponse, type Robots } from './robots';

export interface PageAudit {
  model: PageModel;
  findings: Record<Level, number>;
  column?: ColumnStatus | null;
  /** Where the audit's time went (ms): extraction, the rules, the store. */
  timing?: { extract?: number; audit: number; store?: number };
}

export interface SweepProgress {
  status: SweepStatus;
  done: number;
  failed: number;
  skipped: number;
  files: number;
  queued: number;
  active: number;
  overLimit: number;
  findings: Record<Level, number>;
  /** Pages per minute over the last completions of this run; null until there are some. */
  pagesPerMinute: number | null;
  /** Time left at that pace for what is queued now (the queue grows while columns are read). */
  etaMs: number | null;
  elapsedMs: number;
}

export interface SweepDeps {
  queue: QueueStore;
  audit(page: { url: string; html: string; charset: string }): Promise<PageAudit>;
  /** The day dates are judged by, for a new sweep. */
  today: string;
  fetch?: typeof fetch;
  fetchOptions?: Pick<FetchOptions, 'headers' | 'credentials'>;
  /** Product token looked up in robots.txt. */
  agent?: string;
  now?: () => number;
  onProgress?(p: SweepProgress): void;
  onEntry?(e: QueueEntry): void;
}

/** Referrers kept per URL: enough to point an editor at the broken link, not a link graph. */
const MAX_REFS = 5;

type NewSweep = Partial<Omit<SweepOptions, 'start'>> & { start: string[] };

export class SweepInputError extends Error {}

/** Checks a new sweep's start URLs and options; the messages are the user's to read. */
export function normalizeOptions(input: NewSweep): SweepOptions {
  const start: string[] = [];
  for (const raw of input.start) {
    const k = sweepKey(raw.trim());
    if (!k) throw new SweepInputError(`不是有效的网址：${raw}（应为 http(s)://主机/路径）`);
    if (!start.includes(k)) start.push(k);
  }
  if (start.length === 0) throw new SweepInputError('请给出至少一个网址');
  const o: SweepOptions = { ...DEFAULT_OPTIONS, ...stripUndefined(input), start };
  const intIn = (name: keyof SweepOptions, min: number, max: number, what: string) => {
    const v = o[name] as number;
    if (!Number.isInteger(v) || v < min || v > max) throw new SweepInputError(`${what}须为 ${min}–${max} 之间的整数：${String(v)}`);
  };
  intIn('depth', 0, 20, '深度');
  intIn('maxPages', 1, 100000, '页面上限');
  intIn('concurrency', 1, 8, '每个网站的并发数');
  intIn('delayMs', 0, 60000, '请求间隔（毫秒）');
  intIn('maxAttempts', 1, 10, '重试次数');
  intIn('timeoutMs', 1000, 600000, '超时（毫秒）');
  return o;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function hostOf(url: string): string {
  return new URL(url).host.toLowerCase();
}

const EMPTY_COUNTS = (): Record<Level, number> => ({ error: 0, warn: 0, info: 0 });

export class Sweep {
  record: SweepRecord;
  private entries: QueueEntry[] = [];
  /** Every URL the sweep knows, and the URLs pages redirected to: never queued twice. */
  private known = new Map<string, QueueEntry>();
  private pending: QueueEntry[] = [];
  private hosts: Set<string>;
  private active = new Set<QueueEntry>();
  private hostActive = new Map<string, number>();
  private hostNext = new Map<string, number>();
  private robots = new Map<string, Promise<Robots>>();
  private wake: (() => void) | null = null;
  private abort = new AbortController();
  private completions: number[] = [];
  private runStartedAt = 0;
  private seq = 0;
  /** Entries that are pages (not files): what maxPages limits. */
  private pageCount = 0;
  private findings = EMPTY_COUNTS();
  private lastProgress = 0;
  private now: () => number;

  private constructor(
    private deps: SweepDeps,
    record: SweepRecord,
    entries: QueueEntry[],
  ) {
    this.now = deps.now ?? Date.now;
    this.record = record;
    this.hosts = new Set(record.options.start.map(hostOf));
    for (const e of entries.sort((a, b) => a.seq - b.seq)) this.adopt(e);
  }

  /** Opens the sweep in `queue`: resumes the one saved there, or starts `options` when there is none. */
  static async open(deps: SweepDeps, options?: NewSweep): Promise<Sweep> {
    const saved = await deps.queue.load();
    if (saved.record) return new Sweep(deps, saved.record, saved.entries);
    if (!options) throw new SweepInputError('没有可继续的巡检');
    const opts = normalizeOptions(options);
    const now = (deps.now ?? Date.now)();
    const record: SweepRecord = { id: `sweep-${now.toString(36)}`, options: opts, status: 'paused', createdAt: now, updatedAt: now, today: deps.today, overLimit: 0 };
    const seeds: QueueEntry[] = opts.start.map((url, i) => ({ url, seq: i, depth: 0, role: 'start', from: null, state: 'queued', attempts: 0 }));
    await deps.queue.put(seeds, record);
    return new Sweep(deps, record, seeds);
  }

  private adopt(e: QueueEntry) {
    this.entries.push(e);
    this.known.set(e.url, e);
    if (e.finalUrl) this.known.set(e.finalUrl, e);
    this.seq = Math.max(this.seq, e.seq + 1);
    if (!e.file) this.pageCount++;
    if (e.state === 'queued') this.pending.push(e);
    if (e.findings) for (const l of ['error', 'warn', 'info'] as Level[]) this.findings[l] += e.findings[l];
  }

  /** Runs until the queue is empty, or pause()/cancel() is called; resolves with the record as saved. */
  async run(): Promise<SweepRecord> {
    if (this.record.status === 'done' || this.record.status === 'cancelled') return this.record;
    this.abort = new AbortController();
    this.runStartedAt = this.now();
    this.completions = [];
    delete this.record.error;
    await this.setStatus('running');
    while (this.record.status === 'running') {
      const next = this.pick();
      if (next) {
        this.start(next);
        continue;
      }
      if (this.active.size === 0 && this.pending.length === 0) {
        await this.setStatus('done');
        break;
      }
      await this.sleepUntilSomethingChanges();
    }
    await Promise.all([...this.active].map((e) => this.settled(e)));
    this.emitProgress(true);
    return this.record;
  }

  /** Starts no new fetch; the ones under way finish and are saved. */
  async pause(): Promise<void> {
    if (this.record.status !== 'running') return;
    await this.setStatus('paused');
    this.wake?.();
  }

  /** Stops now: fetches under way are dropped (their pages stay queued, never half-saved). */
  async cancel(): Promise<void> {
    if (this.record.status === 'done') return;
    await this.setStatus('cancelled');
    this.abort.abort();
    this.wake?.();
  }

  progress(): SweepProgress {
    const count = { done: 0, failed: 0, skipped: 0, file: 0, queued: 0 };
    for (const e of this.entries) count[e.state === 'file' ? 'file' : e.state]++;
    const c = this.completions;
    let rate: number | null = null;
    if (c.length >= 2) {
      const span = c[c.length - 1] - c[0];
      rate = span > 0 ? ((c.length - 1) / span) * 60000 : null;
    }
    return {
      status: this.record.status,
      done: count.done,
      failed: count.failed,
      skipped: count.skipped,
      files: count.file,
      queued: count.queued,
      active: this.active.size,
      overLimit: this.record.overLimit,
      findings: { ...this.findings },
      pagesPerMinute: rate,
      etaMs: rate ? (count.queued / rate) * 60000 : null,
      elapsedMs: this.runStartedAt ? this.now() - this.runStartedAt : 0,
    };
  }

  /** Every entry, in the order found (for reports). */
  list(): readonly QueueEntry[] {
    return this.entries;
  }

  private async setStatus(status: SweepStatus) {
    this.record = { ...this.record, status, updatedAt: this.now() };
    await this.deps.queue.saveRecord(this.record);
    this.emitProgress(true);
  }

  /** The first queued entry whose host has a free slot and whose wait is over. */
  private pick(): QueueEntry | null {
    const now = this.now();
    const perHost = this.record.options.concurrency;
    for (let i = 0; i < this.pending.length; i++) {
      const e = this.pending[i];
      if (e.notBefore && e.notBefore > now) continue;
      const host = hostOf(e.url);
      if ((this.hostActive.get(host) ?? 0) >= perHost) continue;
      if ((this.hostNext.get(host) ?? 0) > now) continue;
      this.pending.splice(i, 1);
      return e;
    }
    return null;
  }

  private async sleepUntilSomethingChanges() {
    const now = this.now();
    let until = Infinity;
    for (const e of this.pending) {
      const host = hostOf(e.url);
      if ((this.hostActive.get(host) ?? 0) >= this.record.options.concurrency) continue;
      until = Math.min(until, Math.max(e.notBefore ?? 0, this.hostNext.get(host) ?? 0));
    }
    await new Promise<void>((resolve) => {
      const timer = until === Infinity ? null : setTimeout(done, Math.max(0, until - now));
      function done() {
        if (timer) clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
    this.wake = null;
  }

  private tasks = new Map<QueueEntry, Promise<void>>();

  private settled(e: QueueEntry): Promise<void> {
    return this.tasks.get(e) ?? Promise.resolve();
  }

  private start(e: QueueEntry) {
    const host = hostOf(e.url);
    this.active.add(e);
    this.hostActive.set(host, (this.hostActive.get(host) ?? 0) + 1);
    // The gap is counted from a request's start: a slow page does not slow its host's queue further.
    this.hostNext.set(host, this.now() + this.record.options.delayMs);
    const task = this.work(e, host)
      .catch((err) => {
        // A failed write to the store: the sweep stops rather than lose what it did; the page stays queued.
        this.record = { ...this.record, status: 'paused', error: `保存失败，巡检已暂停：${err instanceof Error ? err.message : err}` };
        if (!this.pending.includes(e) && e.state === 'queued') this.pending.unshift(e);
      })
      .finally(() => {
        this.active.delete(e);
        this.tasks.delete(e);
        this.hostActive.set(host, (this.hostActive.get(host) ?? 1) - 1);
        this.wake?.();
      });
    this.tasks.set(e, task);
  }

  private robotsFor(url: string): Promise<Robots> {
    const origin = new URL(url).origin;
    let p = this.robots.get(origin);
    if (!p) {
      p = this.record.options.robots === 'ignore' ? Promise.resolve(ALLOW_ALL) : fetchRobots(origin + '/robots.txt', this.deps, this.abort.signal);
      this.robots.set(origin, p);
    }
    return p;
  }

  private async work(e: QueueEntry, host: string): Promise<void> {
    const o = this.record.options;
    const robots = await this.robotsFor(e.url);
    if (robots.delayMs && robots.delayMs > o.delayMs) this.hostNext.set(host, Math.max(this.hostNext.get(host) ?? 0, this.now() + robots.delayMs));
    if (!robots.allowed(e.url)) {
      return this.finish(e, { state: 'skipped', error: { reason: 'robots', message: robots.why ?? 'robots.txt 不允许抓取，已跳过' } });
    }
    const t0 = this.now();
    const got: FetchOutcome = await fetchPage(e.url, { fetch: this.deps.fetch, timeoutMs: o.timeoutMs, signal: this.abort.signal, ...this.deps.fetchOptions });
    if (this.record.status === 'cancelled') return; // dropped: stays queued in the store
    const fetchMs = this.now() - t0;
    const attempts = e.attempts + 1;
    if (!got.ok) {
      const error: EntryError = { reason: got.reason, message: got.message, ...(got.status ? { status: got.status } : {}) };
      if (got.reason === 'not-html') return this.finish(e, { state: 'file', attempts, error });
      if (got.retry && attempts < o.maxAttempts) {
        const notBefore = this.now() + o.retryBaseMs * 4 ** (attempts - 1);
        return this.finish(e, { state: 'queued', attempts, notBefore, error });
      }
      return this.finish(e, { state: 'failed', attempts, error });
    }
    // A file answered: that is all the sweep asks of it (a .txt served as text/plain is not a page).
    if (e.file) return this.finish(e, { state: 'file', attempts, error: undefined, notBefore: undefined });
    const finalUrl = sweepKey(got.finalUrl) ?? e.url;
    if (finalUrl !== e.url) {
      if (!inScope(finalUrl, this.hosts)) return this.finish(e, { state: 'skipped', attempts, finalUrl, error: { reason: 'offsite', message: `重定向到站外：${finalUrl}` } });
      const other = this.known.get(finalUrl);
      if (other && other !== e) return this.finish(e, { state: 'skipped', attempts, finalUrl, error: { reason: 'duplicate', message: `重定向到已检查的页面：${finalUrl}` } });
      this.known.set(finalUrl, e);
    }
    let audited: PageAudit;
    try {
      audited = await this.deps.audit({ url: finalUrl, html: got.html, charset: got.charset });
    } catch (err) {
      return this.finish(e, { state: 'failed', attempts, error: { reason: 'audit', message: `检查出错：${err instanceof Error ? err.message : err}` } });
    }
    const found = o.mode === 'site' ? this.enqueue(audited.model, e) : undefined;
    const column = audited.column;
    await this.finish(
      e,
      {
        state: 'done',
        attempts,
        error: undefined,
        notBefore: undefined,
        ...(finalUrl !== e.url ? { finalUrl } : {}),
        kind: audited.model.kind,
        title: audited.model.headline || audited.model.title,
        charset: got.charset,
        bytes: got.bytes,
        findings: audited.findings,
        ...(column ? { column: { ...withoutItem(column), newestTitle: column.newestItem?.title ?? null } } : {}),
        timing: { fetch: fetchMs, extract: audited.timing?.extract ?? 0, audit: audited.timing?.audit ?? 0, store: audited.timing?.store ?? 0 },
        doneAt: this.now(),
      },
      found,
    );
    for (const l of ['error', 'warn', 'info'] as Level[]) this.findings[l] += audited.findings[l];
    this.completions.push(this.now());
    if (this.completions.length > 30) this.completions.shift();
  }

  /**
   * New entries for what a page links to, within depth, scope and the page limit; and the known
   * entries it links to that gain a referrer (returned too: they are saved with the page).
   */
  private enqueue(model: PageModel, from: QueueEntry): { added: QueueEntry[]; touched: QueueEntry[] } {
    const o = this.record.options;
    const out: QueueEntry[] = [];
    const touched = new Set<QueueEntry>();
    for (const f of discover(model, this.hosts)) {
      const known = this.known.get(f.url);
      if (known) {
        const refs = known.refs ?? [];
        if (refs.length < MAX_REFS && !refs.some((r) => r.page === f.ref.page) && known !== from) {
          known.refs = [...refs, f.ref];
          // One in flight saves its referrers with its own result: saving it here could overwrite that result with its older state.
          if (!this.active.has(known)) touched.add(known);
        }
        continue;
      }
      // A file is checked wherever it is linked from: depth and the page limit are for pages.
      const depth = f.role === 'paging' ? from.depth : from.depth + 1;
      if (!f.file && depth > o.depth) continue;
      if (!f.file && this.pageCount >= o.maxPages) {
        this.record = { ...this.record, overLimit: this.record.overLimit + 1 };
        continue;
      }
      out.push(this.newEntry({ url: f.url, depth, role: f.role, from: from.url, state: 'queued', refs: [f.ref], ...(f.file ? { file: true } : {}) }));
    }
    return { added: out, touched: [...touched] };
  }

  private newEntry(e: Pick<QueueEntry, 'url' | 'depth' | 'role' | 'from' | 'state' | 'refs' | 'file'>): QueueEntry {
    const entry: QueueEntry = { ...e, seq: this.seq++, attempts: 0 };
    this.known.set(entry.url, entry);
    if (!entry.file) this.pageCount++;
    return entry;
  }

  /** Saves the entry's new state together with the entries found on it (one write), then applies both. */
  private async finish(e: QueueEntry, change: Partial<QueueEntry>, found: { added: QueueEntry[]; touched: QueueEntry[] } = { added: [], touched: [] }) {
    const next = { ...e, ...change };
    for (const k of Object.keys(next) as (keyof QueueEntry)[]) if (next[k] === undefined) delete next[k];
    await this.deps.queue.put([next, ...found.added, ...found.touched.filter((t) => t !== e)], this.record);
    Object.assign(e, change);
    for (const k of Object.keys(e) as (keyof QueueEntry)[]) if (e[k] === undefined) delete e[k];
    if (e.state === 'queued') this.pending.push(e);
    for (const f of found.added) {
      this.entries.push(f);
      if (f.state === 'queued') this.pending.push(f);
    }
    this.deps.onEntry?.(e);
    this.emitProgress(false);
  }

  private emitProgress(force: boolean) {
    if (!this.deps.onProgress) return;
    const now = this.now();
    if (!force && now - this.lastProgress < 200) return;
    this.lastProgress = now;
    this.deps.onProgress(this.progress());
  }
}

function withoutItem(c: ColumnStatus): Omit<ColumnStatus, 'newestItem'> {
  const { newestItem: _drop, ...rest } = c;
  return rest;
}

async function fetchRobots(url: string, deps: SweepDeps, signal: AbortSignal): Promise<Robots> {
  const doFetch = deps.fetch ?? fetch;
  try {
    const res = await doFetch(url, { signal, redirect: 'follow', credentials: deps.fetchOptions?.credentials, headers: deps.fetchOptions?.headers });
    const text = res.ok ? (await res.text()).slice(0, 500_000) : '';
    const robots = robotsFromResponse(res.status, text, deps.agent ?? 'govlint');
    if (res.status >= 500) return { ...robots, why: `robots.txt 无法读取（HTTP ${res.status}），按 robots 协议暂不抓取该网站` };
    return robots;
  } catch {
    // Unreachable: RFC 9309 says assume complete disallow. A network that cannot answer for
    // robots.txt would fail the pages too; the sweep records them as skipped, not as errors.
    return { ...robotsFromResponse(503, '', deps.agent), why: '无法读取 robots.txt（网络错误），按 robots 协议暂不抓取该网站；确认网站能打开后重新开始，或选择“不遵守 robots.txt”' };
  }
}
