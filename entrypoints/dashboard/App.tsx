/**
 * The dashboard (问题台账): every stored finding across pages. Count tables, a filtered, sorted,
 * cursor-paged findings table, a finding's detail, single and bulk status changes, exports of the
 * current filter or everything, backup and restore. Reads IndexedDB directly through utils/db.ts.
 * The filter's helpers are in filter.ts; what exports, backups and restores write and read, in files.ts.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ruleById } from '../../rules/index';
import type { Level } from '../../rules/types';
import { CountTable } from '../../components/CountTable';
import { SiteSummaryView } from '../../components/SiteSummaryView';
import { SiteStatusChart } from '../../components/StatusChart';
import { FEW_PAGES, loadSiteSummary, type SiteView } from '../../utils/site-summary';
import { FindingDetail } from '../../components/FindingDetail';
import { FindingTable } from '../../components/FindingTable';
import { StatusMenu } from '../../components/StatusMenu';
import { MIME, saveFile } from '../../components/download';
import { backupToJson, BackupError } from '../../utils/backup';
import { openStore, LEVELS, STATUSES, type FindingFilter, type FindingStatus, type SortField, type Store, type StoredFinding, type CountField } from '../../utils/db';
import { exportFileName, forExport, sortForList, toCsv, toJson } from '../../utils/export';
import { getShot, openEvidence, type Shot } from '../../utils/evidence';
import { LEVEL_LABEL, STATUS_LABEL } from '../../utils/labels';
import { locale } from '../../utils/i18n';
import { usePageLocale } from '../../components/page-locale';
import { t } from '../../components/strings';
import type { Request, Response } from '../../utils/messages';
import { backupAll, exportXlsx, restoreAll } from './files';
import { clean, dayEnd, dayStart, describeFilter, initialFilter } from './filter';

const PAGE_SIZE = 50;
/** Rule titles on screen follow the UI locale; the exports stay Chinese (a Chinese office document). */
const ruleTitle = (id: string) => ruleById.get(id)?.meta.title[locale()] ?? id;
const exportRuleTitle = (id: string) => ruleById.get(id)?.meta.title.zh ?? id;
const NO_COLUMN = '';

type Counts = Partial<Record<CountField, Record<string, number>>>;
interface Progress {
  what: string;
  done: number;
  total: number;
}


export function App() {
  const loc = locale();
  usePageLocale(() => t('pageTitle'));
  const [store, setStore] = useState<Store | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [filter, setFilter] = useState<FindingFilter>(initialFilter);
  const [search, setSearch] = useState('');
  const [dates, setDates] = useState({ from: '', to: '' });
  // What to fix first: 严重, then 一般, then 提示, the newest first inside each.
  const [sort, setSort] = useState<SortField>('level');
  const [dir, setDir] = useState<'asc' | 'desc'>('desc');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [page, setPage] = useState<{ items: StoredFinding[]; next: string | null } | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [counts, setCounts] = useState<Counts>({});
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [detail, setDetail] = useState<StoredFinding | null>(null);
  const [detailShot, setDetailShot] = useState<Shot | null>(null);
  useEffect(() => {
    setDetailShot(null);
    if (!detail) return;
    let stale = false;
    void openEvidence()
      .then(async (db) => {
        const s = await getShot(db, detail.fingerprint);
        db.close();
        if (!stale) setDetailShot(s ?? null);
      })
      .catch(() => {});
    return () => {
      stale = true;
    };
  }, [detail?.fingerprint]);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [exportScope, setExportScope] = useState<'filter' | 'all'>('filter');
  // 提示 findings stay out of the 整改清单 unless asked for.
  const [exportInfo, setExportInfo] = useState(false);
  const [version, setVersion] = useState(0); // bumped after writes
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    openStore()
      .then((s) => {
        // For the benchmark and debugging from DevTools: the page's own store handle.
        (globalThis as { __govlintStore?: Store }).__govlintStore = s;
        setStore(s);
      })
      .catch((e) => setError(t('openFailed', { error: e instanceof Error ? e.message : String(e) })));
  }, []);

  // Debounced search box → filter.text
  useEffect(() => {
    const t = setTimeout(() => setFilter((f) => ({ ...f, text: search.trim() || undefined })), 250);
    return () => clearTimeout(t);
  }, [search]);

  const effective = useMemo(() => clean({ ...filter, from: dayStart(dates.from), to: dayEnd(dates.to) }), [filter, dates]);
  const statusOnly: FindingFilter = typeof filter.status === 'string' ? { status: filter.status } : {};
  const pageOnly: FindingFilter = filter.url ? { url: filter.url } : {};

  // The 检查指标 view of the site the filter names (a site picked in the 按网站 table).
  const [siteView, setSiteView] = useState<SiteView | null>(null);
  useEffect(() => {
    if (!store || typeof filter.site !== 'string') return setSiteView(null);
    let stale = false;
    loadSiteSummary(store, filter.site).then((s) => !stale && setSiteView(s), (e) => setError(String(e?.message ?? e)));
    return () => {
      stale = true;
    };
  }, [store, filter.site, version]);

  // Count tables: by status over everything, the others under the status filter (index-served);
  // all of them within the page when the dashboard was opened for one (?url=).
  useEffect(() => {
    if (!store) return;
    let stale = false;
    const t0 = performance.now();
    (async () => {
      const [status, site, column, ruleId, level] = await Promise.all([
        store.countBy('status', pageOnly),
        store.countBy('site', { ...statusOnly, ...pageOnly }),
        store.countBy('column', { ...statusOnly, ...pageOnly }),
        store.countBy('ruleId', { ...statusOnly, ...pageOnly }),
        store.countBy('level', { ...statusOnly, ...pageOnly }),
      ]);
      if (stale) return;
      setCounts({ status, site, column, ruleId, level });
      document.body.dataset.countsMs = String(Math.round(performance.now() - t0));
      document.body.dataset.countsReady = String(version);
    })().catch((e) => setError(String(e?.message ?? e)));
    return () => {
      stale = true;
    };
  }, [store, filter.status, filter.url, version]);

  // The current page of findings.
  const cursor = cursors[cursors.length - 1];
  useEffect(() => {
    if (!store) return;
    let stale = false;
    const t0 = performance.now();
    document.body.dataset.loading = '1';
    store
      .query(effective, { sort, dir, limit: PAGE_SIZE, cursor })
      .then((p) => {
        if (stale) return;
        setPage(p);
        document.body.dataset.queryMs = String(Math.round(performance.now() - t0));
        delete document.body.dataset.loading;
      })
      .catch((e) => setError(String(e?.message ?? e)));
    return () => {
      stale = true;
    };
  }, [store, effective, sort, dir, cursor, version]);

  // The total of the filter: may scan for text/date filters, so it comes after the rows.
  useEffect(() => {
    if (!store) return;
    let stale = false;
    setTotal(null);
    store.count(effective).then((n) => !stale && setTotal(n));
    return () => {
      stale = true;
    };
  }, [store, effective, version]);

  const resetPaging = () => {
    setCursors([null]);
    setSelected(new Set());
  };
  const setField = (k: keyof FindingFilter, v: unknown) => {
    setFilter((f) => ({ ...f, [k]: v === '' ? undefined : v }));
    resetPaging();
  };
  useEffect(resetPaging, [effective.text, effective.from, effective.to]);

  const onSort = (f: SortField) => {
    if (f === sort) setDir((d) => (d === 'desc' ? 'asc' : 'desc'));
    else {
      setSort(f);
      setDir(f === 'lastSeen' || f === 'level' || f === 'status' ? 'desc' : 'asc');
    }
    resetPaging();
  };

  const afterWrite = async (n: number, what: string) => {
    setNotice(t('marked', { n, status: what }));
    setSelected(new Set());
    if (detail && store) setDetail((await store.finding(detail.fingerprint)) ?? null);
    setVersion((v) => v + 1);
  };

  const applySelected = async (status: FindingStatus, note?: string) => {
    if (!store || !selected.size) return;
    await guard(async () => afterWrite(await store.setStatus([...selected], status, note), STATUS_LABEL[loc][status]));
  };
  const applyFilter = async (status: FindingStatus, note?: string) => {
    if (!store) return;
    if (!confirm(t('confirmFilter', { n: total ?? t('confirmAll'), status: STATUS_LABEL[loc][status] }))) return;
    await guard(async () => afterWrite(await store.setStatusWhere(effective, status, note), STATUS_LABEL[loc][status]));
  };

  async function guard(fn: () => Promise<void>) {
    setError(null);
    setNotice(null);
    try {
      await fn();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setProgress(null);
    }
  }

  /** Reads the rows to export, with progress (a 100k export takes seconds). */
  async function collect(): Promise<StoredFinding[]> {
    const f = exportScope === 'all' ? {} : effective;
    const n = await store!.count(f);
    const rows: StoredFinding[] = [];
    setProgress({ what: t('progReading'), done: 0, total: n });
    for await (const batch of store!.iterate(f, 5000)) {
      rows.push(...batch);
      setProgress({ what: t('progReading'), done: rows.length, total: n });
    }
    return sortForList(rows);
  }

  const exportAs = (fmt: 'xlsx' | 'csv' | 'json') =>
    guard(async () => {
      const t0 = performance.now();
      const all = await collect();
      // The 整改清单 (xlsx, csv) leaves 提示 out unless asked; JSON is lossless and keeps everything.
      const rows = fmt === 'json' ? all : forExport(all, exportInfo);
      const name = exportFileName(fmt);
      if (fmt === 'xlsx') {
        const scope = exportScope === 'all' ? '全部问题' : `当前筛选：${describeFilter(effective, exportRuleTitle)}`;
        await exportXlsx(rows, name, { scope, infoExcluded: !exportInfo, ruleTitle: exportRuleTitle, onProgress: (done, total) => setProgress({ what: t('progXlsx'), done, total }) });
      } else if (fmt === 'csv') {
        saveFile(toCsv(rows, { ruleTitle: exportRuleTitle }), name, MIME.csv);
      } else {
        saveFile(toJson(rows, { filter: exportScope === 'all' ? {} : effective }), name, MIME.json);
      }
      document.body.dataset.exportMs = String(Math.round(performance.now() - t0));
      document.body.dataset.exported = fmt;
      setNotice(t('exported', { n: rows.length, name }));
    });

  const backup = () =>
    guard(async () => {
      setProgress({ what: t('progBackup'), done: 0, total: 1 });
      const b = await backupAll(store!);
      saveFile(backupToJson(b), exportFileName('json', Date.now(), 'GovLint备份'), MIME.json);
      await store!.setMeta('lastBackup', Date.now());
      setNotice(t('backedUp', { findings: b.findings.length, pages: b.pages.length }));
    });

  const restore = (file: File) =>
    guard(async () => {
      setProgress({ what: t('progRestore'), done: 0, total: 1 });
      try {
        const r = await restoreAll(store!, file);
        setNotice(t('restored', { added: r.findingsAdded, updated: r.findingsUpdated, unchanged: r.findingsUnchanged, pages: r.pagesAdded }));
        setVersion((v) => v + 1);
      } catch (e) {
        if (e instanceof BackupError) throw new Error(t('restoreFailed', { error: e.message }));
        throw e;
      }
    });

  if (error && !store) return <div class="dash error">{error}</div>;
  if (!store) return <div class="dash muted">{t('opening')}</div>;

  const columnLabel = (k: string) => (k === NO_COLUMN ? t('noColumn') : k);
  const pageNo = cursors.length;

  return (
    <div class="dash">
      <header class="top">
        <h1>{t('pageTitle')}</h1>
        <div class="tools">
          <select
            value={typeof filter.site === 'string' ? filter.site : ''}
            onChange={(e) => setField('site', (e.target as HTMLSelectElement).value || undefined)}
            data-testid="indicators"
            title={t('indicatorsTitle')}
          >
            <option value="">{t('indicators')}</option>
            {Object.keys(counts.site ?? {}).sort().map((site) => (
              <option key={site} value={site}>
                {site}
              </option>
            ))}
          </select>
          <button class="secondary" data-testid="open-sweep" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/sweep.html') })}>
            {t('sweep')}
          </button>
          <label>
            {t('exportScope')}
            <select value={exportScope} onChange={(e) => setExportScope((e.target as HTMLSelectElement).value as 'filter' | 'all')} data-testid="export-scope">
              <option value="filter">{t('scopeFilter')}</option>
              <option value="all">{t('scopeAll')}</option>
            </select>
          </label>
          <label>
            <input type="checkbox" checked={exportInfo} onChange={(e) => setExportInfo((e.target as HTMLInputElement).checked)} data-testid="export-info" /> {t('exportInfo')}
          </label>
          <button onClick={() => exportAs('xlsx')} disabled={!!progress} data-testid="export-xlsx">
            {t('exportXlsx')}
          </button>
          <button onClick={() => exportAs('csv')} disabled={!!progress} data-testid="export-csv">
            {t('exportCsv')}
          </button>
          <button onClick={() => exportAs('json')} disabled={!!progress} class="secondary" data-testid="export-json">
            {t('exportJson')}
          </button>
          <button onClick={backup} disabled={!!progress} class="secondary" data-testid="backup">
            {t('backup')}
          </button>
          <button onClick={() => fileInput.current?.click()} disabled={!!progress} class="secondary" data-testid="restore">
            {t('restore')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            style="display:none"
            data-testid="restore-file"
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              const file = input.files?.[0];
              input.value = '';
              if (file) void restore(file);
            }}
          />
        </div>
      </header>

      {progress && (
        <div class="progress" data-testid="progress">
          {progress.what}… {progress.total > 1 ? `${progress.done} / ${progress.total}` : ''}
          <progress max={Math.max(1, progress.total)} value={progress.done} />
        </div>
      )}
      {error && (
        <p class="error" data-testid="error">
          {error}
        </p>
      )}
      {notice && (
        <p class="ok" data-testid="notice">
          {notice}
        </p>
      )}

      {siteView && (
        <section class="site-view" data-testid="site-view">
          <h2>
            {t('siteViewHead', { site: siteView.site })}
            {siteView.risk ? t('siteRisk') : siteView.checkedPages < FEW_PAGES ? t('siteFewPages', { n: siteView.checkedPages }) : t('siteNoRisk', { n: siteView.checkedPages })}
          </h2>
          <SiteSummaryView summary={siteView} />
          <SiteStatusChart store={store} site={siteView.site} version={version} />
        </section>
      )}

      <section class="counts">
        <CountTable title={t('byStatus')} field="status" counts={counts.status ?? null} label={(k) => STATUS_LABEL[loc][k as FindingStatus] ?? k} order={STATUSES} active={typeof filter.status === 'string' ? filter.status : null} onPick={(k) => setField('status', filter.status === k ? undefined : k)} />
        <CountTable title={t('byLevel')} field="level" counts={counts.level ?? null} label={(k) => LEVEL_LABEL[loc][k as Level] ?? k} order={LEVELS} active={typeof filter.level === 'string' ? filter.level : null} onPick={(k) => setField('level', filter.level === k ? undefined : k)} />
        <CountTable title={t('bySite')} field="site" counts={counts.site ?? null} active={typeof filter.site === 'string' ? filter.site : null} onPick={(k) => setField('site', filter.site === k ? undefined : k)} />
        <CountTable title={t('byColumn')} field="column" counts={counts.column ?? null} label={columnLabel} active={filter.column === undefined ? null : (filter.column as string | null) ?? NO_COLUMN} onPick={(k) => setField('column', (filter.column ?? NO_COLUMN) === k && filter.column !== undefined ? undefined : k === NO_COLUMN ? null : k)} />
        <CountTable title={t('byRule')} field="ruleId" counts={counts.ruleId ?? null} label={ruleTitle} active={typeof filter.ruleId === 'string' ? filter.ruleId : null} onPick={(k) => setField('ruleId', filter.ruleId === k ? undefined : k)} />
      </section>

      <section class="filters" data-testid="filters">
        <input type="search" placeholder={t('searchPlaceholder')} value={search} onInput={(e) => setSearch((e.target as HTMLInputElement).value)} data-testid="search" />
        <select value={(filter.status as string) ?? ''} onChange={(e) => setField('status', (e.target as HTMLSelectElement).value)} data-testid="filter-status">
          <option value="">{t('allStatuses')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[loc][s]}
            </option>
          ))}
        </select>
        <select value={(filter.level as string) ?? ''} onChange={(e) => setField('level', (e.target as HTMLSelectElement).value)} data-testid="filter-level">
          <option value="">{t('allLevels')}</option>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {LEVEL_LABEL[loc][l]}
            </option>
          ))}
        </select>
        <select value={(filter.certainty as string) ?? ''} onChange={(e) => setField('certainty', (e.target as HTMLSelectElement).value)} data-testid="filter-certainty">
          <option value="">{t('allCertainty')}</option>
          <option value="certain">{t('certainOnly')}</option>
          <option value="suspected">{t('suspectedOnly')}</option>
        </select>
        <label>
          {t('dateFrom')} <input type="date" value={dates.from} onInput={(e) => setDates((d) => ({ ...d, from: (e.target as HTMLInputElement).value }))} />
        </label>
        <label>
          {t('dateTo')} <input type="date" value={dates.to} onInput={(e) => setDates((d) => ({ ...d, to: (e.target as HTMLInputElement).value }))} />
        </label>
        {filter.url && (
          <span class="chip">
            {t('chipPage')}
            {filter.url}{' '}
            <button class="secondary" onClick={() => setField('url', undefined)}>
              ×
            </button>
          </span>
        )}
        {Object.keys(clean({ ...filter, status: undefined })).length > 0 && (
          <button
            class="secondary"
            onClick={() => {
              setFilter({ status: filter.status });
              setSearch('');
              setDates({ from: '', to: '' });
              resetPaging();
            }}
          >
            {t('clearFilter')}
          </button>
        )}
      </section>

      <section class="bulk" data-testid="bulk">
        <span data-testid="total">{total === null ? t('counting') : t('total', { n: total })}</span>
        <StatusMenu label={t('applySelected', { n: selected.size })} disabled={!selected.size} onApply={applySelected} testid="bulk-selected" />
        <StatusMenu label={t('applyFilter')} disabled={!total} onApply={applyFilter} testid="bulk-filter" />
      </section>

      <div class={detail ? 'main with-detail' : 'main'}>
        <div class="table-wrap">
          <FindingTable
            items={page?.items ?? []}
            ruleTitle={ruleTitle}
            selected={selected}
            onToggle={(fp) =>
              setSelected((s) => {
                const n = new Set(s);
                if (n.has(fp)) n.delete(fp);
                else n.add(fp);
                return n;
              })
            }
            onToggleAll={(on) => setSelected(on ? new Set((page?.items ?? []).map((f) => f.fingerprint)) : new Set())}
            sort={sort}
            dir={dir}
            onSort={onSort}
            onOpen={setDetail}
            activeFp={detail?.fingerprint}
          />
          <nav class="pager">
            <button class="secondary" disabled={pageNo === 1} onClick={() => setCursors((c) => c.slice(0, -1))} data-testid="prev">
              {t('prev')}
            </button>
            <span>{t('pageNo', { n: pageNo })}</span>
            <button class="secondary" disabled={!page?.next} onClick={() => page?.next && setCursors((c) => [...c, page.next])} data-testid="next">
              {t('next')}
            </button>
          </nav>
        </div>
        {detail && (
          <FindingDetail
            finding={detail}
            shot={detailShot}
            ruleTitle={ruleTitle}
            onClose={() => setDetail(null)}
            onLocate={() =>
              void browser.runtime
                .sendMessage({ type: 'locate-finding', url: detail.url, fingerprint: detail.fingerprint } satisfies Request)
                .then((res) => (res as Response | undefined)?.ok || setError(t('locateFailed')))
                .catch(() => setError(t('locateFailed')))
            }
            onStatus={(status, note) => guard(async () => afterWrite(await store.setStatus([detail.fingerprint], status, note), STATUS_LABEL[loc][status]))}
          />
        )}
      </div>
    </div>
  );
}
