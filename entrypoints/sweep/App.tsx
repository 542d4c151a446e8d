/**
 * The 巡检 page: start a sweep of a site or a list of URLs, watch it (pages done / queued / failed,
 * pace, time left, findings counting up), pause, resume, cancel; at the end the 检查指标 table of the
 * columns found and the URLs that could not be checked. The page text shown here (titles, URLs,
 * messages) comes from pages and is rendered as text, never as HTML.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { usePageLocale } from '../../components/page-locale';
import type { QueueEntry } from '../../utils/sweep/queue';
import { DEFAULT_OPTIONS } from '../../utils/sweep/queue';
import { SweepController, type View } from './controller';
import { t, type StringKey } from './strings';

function duration(ms: number): string {
  return ms < 60000 ? t('seconds', { n: Math.max(1, Math.round(ms / 1000)) }) : t('minutes', { n: Math.round(ms / 60000) });
}

function initialStart(): string {
  return new URLSearchParams(location.search).get('start') ?? '';
}

export function App() {
  usePageLocale(() => t('pageTitle'));
  const ctl = useRef<SweepController | null>(null);
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form, setForm] = useState({
    start: initialStart(),
    mode: 'site' as 'site' | 'list',
    depth: DEFAULT_OPTIONS.depth,
    maxPages: DEFAULT_OPTIONS.maxPages,
    concurrency: DEFAULT_OPTIONS.concurrency,
    delayMs: DEFAULT_OPTIONS.delayMs,
    robots: true,
  });

  useEffect(() => {
    // Progress arrives several times a second: draw at most once per frame.
    let frame = 0;
    let latest: View | null = null;
    SweepController.open((v) => {
      latest = v;
      if (!frame)
        frame = requestAnimationFrame(() => {
          frame = 0;
          setView({ ...latest!, entries: [...latest!.entries] });
        });
    })
      .then((c) => (ctl.current = c))
      .catch((e) => setError(t('openFailed', { error: e instanceof Error ? e.message : String(e) })));
  }, []);

  if (error) return <div class="sweep error">{error}</div>;
  if (!view) return <div class="sweep muted">{t('opening')}</div>;

  const p = view.progress;
  const running = p?.status === 'running';
  const paused = p?.status === 'paused';
  const start = () =>
    void ctl.current?.start({
      start: form.start.split(/\s+/).filter(Boolean),
      mode: form.mode,
      depth: form.depth,
      maxPages: form.maxPages,
      concurrency: form.concurrency,
      delayMs: form.delayMs,
      robots: form.robots ? 'obey' : 'ignore',
    });
  const num = (key: 'depth' | 'maxPages' | 'concurrency' | 'delayMs') => (e: Event) => setForm({ ...form, [key]: Number((e.target as HTMLInputElement).value) });

  return (
    <div class="sweep">
      <h1>{t('pageTitle')}</h1>
      <div class="form">
        <label>
          {t('startUrls')}
          <textarea name="start" value={form.start} onInput={(e) => setForm({ ...form, start: (e.target as HTMLTextAreaElement).value })} disabled={running} />
        </label>
        <div class="row">
          <label>
            <input type="radio" name="mode" checked={form.mode === 'site'} onChange={() => setForm({ ...form, mode: 'site' })} /> {t('modeSite')}
          </label>
          <label>
            <input type="radio" name="mode" checked={form.mode === 'list'} onChange={() => setForm({ ...form, mode: 'list' })} /> {t('modeList')}
          </label>
        </div>
        <div class="row">
          <label>
            {t('depth')} <input type="number" name="depth" min={0} max={20} value={form.depth} onInput={num('depth')} />
          </label>
          <label>
            {t('maxPages')} <input type="number" name="maxPages" min={1} max={100000} value={form.maxPages} onInput={num('maxPages')} />
          </label>
          <label>
            {t('concurrency')} <input type="number" name="concurrency" min={1} max={8} value={form.concurrency} onInput={num('concurrency')} />
          </label>
          <label>
            {t('delay')} <input type="number" name="delayMs" min={0} max={60000} step={100} value={form.delayMs} onInput={num('delayMs')} />
          </label>
          <label>
            <input type="checkbox" name="robots" checked={form.robots} onChange={(e) => setForm({ ...form, robots: (e.target as HTMLInputElement).checked })} /> {t('robots')}
          </label>
        </div>
        <div class="row">
          <button onClick={start} disabled={running || !form.start.trim()}>
            {t('start')}
          </button>
          {view.notice && <span class="error">{view.notice}</span>}
        </div>
      </div>
      {p && <Status view={view} onPause={() => void ctl.current?.pause()} onResume={() => void ctl.current?.resume()} onCancel={() => void ctl.current?.cancel()} paused={paused} />}
      {p && <Columns entries={view.entries} />}
      {p && <Failures entries={view.entries} />}
    </div>
  );
}

function Status(props: { view: View; paused: boolean; onPause(): void; onResume(): void; onCancel(): void }) {
  const p = props.view.progress!;
  const total = p.done + p.failed + p.skipped + p.queued + p.active;
  const finished = p.done + p.failed + p.skipped;
  const site = props.view.options?.start[0];
  let origin = '';
  try {
    origin = site ? new URL(site).origin : '';
  } catch {
    /* shown as it is */
  }
  return (
    <div class="status" data-status={p.status}>
      <div class="row">
        <b class="state">{t(`status_${p.status}` as StringKey)}</b>
        {props.view.today && <span class="muted"> · {t('today', { today: props.view.today })}</span>}
      </div>
      <progress max={Math.max(1, total)} value={finished} />
      <div class="numbers">
        <span>
          {t('done')} <b class="n-done">{p.done}</b>
        </span>
        <span>
          {t('queued')} <b class="n-queued">{p.queued + p.active}</b>
        </span>
        <span>
          {t('failed')} <b class="n-failed">{p.failed}</b>
        </span>
        <span>
          {t('skipped')} <b>{p.skipped}</b>
        </span>
        <span>
          {t('files')} <b>{p.files}</b>
        </span>
        {p.pagesPerMinute !== null && p.status === 'running' && <span>{t('rate', { n: Math.round(p.pagesPerMinute) })}</span>}
        {p.etaMs !== null && p.status === 'running' && p.queued > 0 && <span>{t('eta', { t: duration(p.etaMs) })}</span>}
      </div>
      <div class="numbers findings">
        <span>
          {t('findings', { error: p.findings.error, warn: p.findings.warn, info: p.findings.info })}
        </span>
        {p.overLimit > 0 && <span class="muted">{t('overLimit', { n: p.overLimit })}</span>}
      </div>
      <div class="row">
        {p.status === 'running' && <button onClick={props.onPause}>{t('pause')}</button>}
        {props.paused && <button onClick={props.onResume}>{t('resume')}</button>}
        {(p.status === 'running' || props.paused) && (
          <button class="secondary" onClick={props.onCancel}>
            {t('cancel')}
          </button>
        )}
        {origin && (
          <button class="secondary" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL(`/dashboard.html?site=${encodeURIComponent(origin)}` as '/dashboard.html') })}>
            {t('toDashboard')}
          </button>
        )}
      </div>
    </div>
  );
}

function Columns({ entries }: { entries: readonly QueueEntry[] }) {
  const cols = entries.filter((e) => e.column);
  if (cols.length === 0) return <p class="muted">{t('noColumns')}</p>;
  const stale = cols.filter((e) => e.column!.verdict === 'stale' || e.column!.verdict === 'undated').length;
  const empty = cols.filter((e) => e.column!.verdict === 'empty').length;
  return (
    <section>
      <h2>{t('columns')}</h2>
      <table class="list columns">
        <thead>
          <tr>
            <th>{t('colName')}</th>
            <th>{t('colClass')}</th>
            <th>{t('colLimit')}</th>
            <th>{t('colNewest')}</th>
            <th>{t('colVerdict')}</th>
          </tr>
        </thead>
        <tbody>
          {cols.map((e) => {
            const c = e.column!;
            return (
              <tr key={e.url} class={`v-${c.verdict}`} data-url={e.url}>
                <td>
                  <a href={e.url} target="_blank" rel="noreferrer">
                    {c.path}
                  </a>
                </td>
                <td>{c.classTitle}</td>
                <td>{c.maxAgeDays === null ? t('none') : t('days', { n: c.maxAgeDays })}</td>
                <td>{c.newest ? t('daysAgo', { date: c.newest, n: c.age ?? 0 }) : t('none')}</td>
                <td class="verdict">{t(`v_${c.verdict}` as StringKey)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p>
        {t('columnTotals', { n: cols.length, stale, empty })}
        {(stale >= 5 || empty >= 5) && <span class="veto"> · {t('veto')}</span>}
      </p>
    </section>
  );
}

function Failures({ entries }: { entries: readonly QueueEntry[] }) {
  const failed = entries.filter((e) => e.state === 'failed' || e.state === 'skipped');
  if (failed.length === 0) return null;
  return (
    <section>
      <h2>{t('failures')}</h2>
      <table class="list failures">
        <thead>
          <tr>
            <th>{t('url')}</th>
            <th>{t('reason')}</th>
            <th>{t('tries')}</th>
            <th>{t('from')}</th>
          </tr>
        </thead>
        <tbody>
          {failed.map((e) => (
            <tr key={e.url} data-state={e.state}>
              <td>{e.url}</td>
              <td>{e.error ? t(`fail_${e.error.reason}`, { message: e.error.message, status: e.error.status ?? '' }) : ''}</td>
              <td>{e.attempts}</td>
              <td>{e.from ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
