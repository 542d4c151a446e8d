/**
 * The popup: the current page's findings. Counts by level, findings grouped by category with
 * message, excerpt and suggestion; re-audit; a link to the page's findings in the dashboard.
 * Reads the store directly (extension pages share the extension's IndexedDB); audits go
 * through the background.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { groupFindings, type FindingGroup } from '../../utils/group';
import { ignoreRuleOnSite, whitelistFinding, whitelistWord } from '../../utils/site-rules';
import { openEvidence, putShot, shrinkShot } from '../../utils/evidence';
import { ruleById } from '../../rules/index';
import { browser } from 'wxt/browser';
import type { Category, Level } from '../../rules/types';
import { normalizeUrl, openStore, type PageRecord, type StoredFinding } from '../../utils/db';
import { CATEGORY_LABEL, LEVEL_LABEL, STATUS_LABEL } from '../../utils/labels';
import { locale, t } from '../../utils/i18n';
import { findingMessage } from '../../rules/messages';

const loc = locale();
const lang = loc === 'zh' ? 'zh-CN' : 'en';
import type { Request, Response } from '../../utils/messages';
import { FEW_PAGES, loadSiteSummary, type SiteView } from '../../utils/site-summary';
import { SiteSummaryView } from '../../components/SiteSummaryView';

const LEVELS: Level[] = ['error', 'warn', 'info'];
const ruleTitle = (id: string) => ruleById.get(id)?.meta.title[locale()] ?? id;

interface State {
  tabId: number | null;
  url: string | null;
  page: PageRecord | null;
  findings: StoredFinding[];
  site: SiteView | null;
}

async function loadState(): Promise<State> {
  // Opened as a tab (tests, or "pop out"), the popup is told which tab to show with ?tabId=
  const forced = new URLSearchParams(location.search).get('tabId');
  const tab = forced ? await browser.tabs.get(Number(forced)) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  const url = tab?.url && /^https?:/.test(tab.url) ? normalizeUrl(tab.url) : null;
  if (!url) return { tabId: tab?.id ?? null, url: null, page: null, findings: [], site: null };
  const store = await openStore();
  try {
    const [page, findings, site] = await Promise.all([
      store.page(normalizeUrl(url)),
      store.findingsForUrl(normalizeUrl(url)),
      loadSiteSummary(store, new URL(url).origin),
    ]);
    return { tabId: tab?.id ?? null, url: normalizeUrl(url), page: page ?? null, findings, site };
  } finally {
    store.close();
  }
}

export function App() {
  const [state, setState] = useState<State | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const refresh = () => loadState().then(setState, (e) => setError(String(e?.message ?? e)));
  useEffect(() => {
    void refresh();
    const onMsg = (raw: unknown) => {
      const m = raw as Request;
      if (m.type === 'findings-updated') void refresh();
    };
    browser.runtime.onMessage.addListener(onMsg);
    return () => browser.runtime.onMessage.removeListener(onMsg);
  }, []);

  const audit = async () => {
    if (state?.tabId == null) return;
    setBusy(true);
    setError(null);
    try {
      const res = (await browser.runtime.sendMessage({ type: 'audit-tab', tabId: state.tabId } satisfies Request)) as Response;
      if (!res.ok) setError(res.error);
      await refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  /** Takes the editor to a finding: its tab in front, scrolled to it, the text flashed. */
  /** 本站不再检查此项: the rule off for this site, its open findings here ignored. */
  const ignoreOnSite = async (f: StoredFinding) => {
    if (!state?.url) return;
    const store = await openStore();
    try {
      const n = await ignoreRuleOnSite(store, new URL(state.url).origin, f.ruleId);
      setNotice(t('ignoredOnSite', { n }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      store.close();
    }
    await refresh();
  };

  /** 截图: the finding scrolled to and flashed in its tab, the visible page captured and kept with it. */
  const capture = async (f: StoredFinding) => {
    if (state?.tabId == null) return;
    setError(null);
    try {
      const tab = await browser.tabs.update(state.tabId, { active: true });
      const res = (await browser.tabs.sendMessage(state.tabId, { type: 'show-finding', fingerprint: f.fingerprint } satisfies Request).catch(() => null)) as Response | null;
      if (!res?.ok) throw new Error(t('locateFailed'));
      await new Promise((r) => setTimeout(r, 700)); // the smooth scroll, and the flash on screen
      const raw = await browser.tabs.captureVisibleTab(tab!.windowId!, { format: 'jpeg', quality: 85 });
      const shot = await shrinkShot(raw);
      const db = await openEvidence();
      try {
        await putShot(db, { fingerprint: f.fingerprint, url: f.url, at: Date.now(), ...shot });
      } finally {
        db.close();
      }
      setNotice(t('captured'));
    } catch (e) {
      setError(t('captureFailed', { error: e instanceof Error ? e.message : String(e) }));
    }
  };

  /** 加入白名单: the finding's word is never reported again (any site), and this finding is 误报. */
  const whitelist = async (f: StoredFinding) => {
    const store = await openStore();
    try {
      const word = await whitelistFinding(store, f);
      setNotice(t('whitelisted', { word }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      store.close();
    }
    await refresh();
  };

  const locate = async (f: StoredFinding) => {
    if (state?.tabId == null) return;
    await browser.tabs.update(state.tabId, { active: true }).catch(() => {});
    const res = (await browser.tabs.sendMessage(state.tabId, { type: 'show-finding', fingerprint: f.fingerprint } satisfies Request).catch(() => null)) as Response | null;
    if (!res?.ok) setError(t('locateFailed'));
    else window.close();
  };

  /** Brings the panel and highlights back in the page (after the editor closed them). */
  const showInPage = async () => {
    if (state?.tabId == null) return;
    const res = (await browser.tabs.sendMessage(state.tabId, { type: 'toggle-panel', show: true } satisfies Request).catch(() => null)) as Response | null;
    if (!res?.ok) await audit();
    window.close();
  };

  const openDashboard = () => {
    const q = state?.url ? `?url=${encodeURIComponent(state.url)}` : '';
    void browser.tabs.create({ url: browser.runtime.getURL(`/dashboard.html${q}` as '/dashboard.html') });
  };

  /** The 巡检 page, with this tab's site as the start page. */
  const sweepSite = () => {
    let q = '';
    try {
      q = state?.url ? `?start=${encodeURIComponent(new URL(state.url).origin + '/')}` : '';
    } catch {
      /* no site to offer */
    }
    void browser.tabs.create({ url: browser.runtime.getURL(`/sweep.html${q}` as '/sweep.html') });
  };

  if (!state) return <div class="popup loading">{error ?? t('loading')}</div>;
  const open = state.findings.filter((f) => f.status === 'open');
  const closed = state.findings.filter((f) => f.status !== 'open');
  const counts = Object.fromEntries(LEVELS.map((l) => [l, open.filter((f) => f.level === l).length])) as Record<Level, number>;
  const groups = new Map<Category, StoredFinding[]>();
  for (const f of sortFindings(open)) groups.set(f.category, [...(groups.get(f.category) ?? []), f]);

  return (
    <div class="popup">
      <header>
        <h1>{t('appName')}</h1>
        <button class="link" onClick={() => void browser.runtime.openOptionsPage()} title={t('settings')}>
          {t('settings')}
        </button>
      </header>
      {!state.url ? (
        <p class="muted">{t('notWebPage')}</p>
      ) : (
        <>
          <section class="page">
            <div class="page-title" title={state.url}>
              {state.page?.headline || state.page?.title || state.url}
            </div>
            <div class="muted">
              {state.page ? t('lastAudit', { time: new Date(state.page.lastAudit).toLocaleString(lang) }) : t('notAudited')}
              {state.page?.column ? t('column', { column: state.page.column }) : ''}
            </div>
          </section>
          <section class="counts" data-testid="counts">
            {LEVELS.map((l) => (
              <div class={`count lv-${l}`} key={l} data-level={l}>
                <span class="n">{counts[l]}</span>
                <span class="label">{LEVEL_LABEL[loc][l]}</span>
              </div>
            ))}
          </section>
          <div class="actions">
            <button onClick={audit} disabled={busy || state.tabId == null} data-testid="reaudit">
              {busy ? t('auditing') : state.page ? t('reaudit') : t('auditThis')}
            </button>
            {state.page && (
              <button onClick={showInPage} class="secondary" data-testid="show-panel">
                {t('showInPage')}
              </button>
            )}
            <button onClick={openDashboard} class="secondary" data-testid="open-dashboard">
              {t('openDashboard')}
            </button>
            <button onClick={sweepSite} class="secondary" data-testid="sweep-site">
              {t('sweepSite')}
            </button>
          </div>
          {error && <p class="error">{t('auditFailed', { error })}</p>}
          {notice && <p class="ok" data-testid="notice">{notice}</p>}
          {state.page && open.length === 0 && <p class="ok">{t('noOpen')}</p>}
          {[...groups].map(([cat, list]) => (
            <section class="group" key={cat} data-category={cat}>
              <h2>
                {CATEGORY_LABEL[loc][cat]} <span class="muted">{list.length}</span>
              </h2>
              <ul>
                {groupFindings(list.filter((f) => f.level !== 'info')).map((g) => (
                  <GroupItem group={g} key={g.key} onLocate={state.tabId != null ? locate : undefined} onCapture={state.tabId != null ? capture : undefined} onIgnore={ignoreOnSite} onWhitelist={whitelist} />
                ))}
              </ul>
              {/* 提示 findings are worth a look, not a fix today: folded so they do not bury the rest. */}
              {list.some((f) => f.level === 'info') && (
                <details class="infos">
                  <summary>{t('infoSection', { n: list.filter((f) => f.level === 'info').length })}</summary>
                  <ul>
                    {groupFindings(list.filter((f) => f.level === 'info')).map((g) => (
                      <GroupItem group={g} key={g.key} onLocate={state.tabId != null ? locate : undefined} onCapture={state.tabId != null ? capture : undefined} onIgnore={ignoreOnSite} onWhitelist={whitelist} />
                    ))}
                  </ul>
                </details>
              )}
            </section>
          ))}
          {state.site && state.page && (
            <details class="site" open={state.site.risk}>
              <summary>
                {t('siteSummary')}
                {state.site.risk ? t('siteRisk') : state.site.checkedPages < FEW_PAGES ? t('siteFewPages', { n: state.site.checkedPages }) : t('siteNoRisk', { n: state.site.checkedPages })}
              </summary>
              <SiteSummaryView summary={state.site} compact />
            </details>
          )}
          {closed.length > 0 && (
            <details class="closed">
              <summary>{t('closedSection', { n: closed.length })}</summary>
              <ul>
                {closed.map((f) => (
                  <FindingItem f={f} key={f.fingerprint} onLocate={state.tabId != null && f.status === 'open' ? () => locate(f) : undefined} />
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </div>
  );
}

/** A group of findings with one message: the first in full, the others folded under 共 N 处. */
function GroupItem({
  group,
  onLocate,
  onCapture,
  onIgnore,
  onWhitelist,
}: {
  group: FindingGroup<StoredFinding>;
  onLocate?: (f: StoredFinding) => void;
  onCapture?: (f: StoredFinding) => void;
  onIgnore?: (f: StoredFinding) => void;
  onWhitelist?: (f: StoredFinding) => void;
}) {
  const [first, ...rest] = group.items;
  const at = (f: StoredFinding) => (onLocate && f.status === 'open' ? () => onLocate(f) : undefined);
  const shoot = (f: StoredFinding) => (onCapture && f.status === 'open' ? () => onCapture(f) : undefined);
  return (
    <FindingItem
      f={first}
      onLocate={at(first)}
      onCapture={shoot(first)}
      onIgnore={onIgnore && first.status === 'open' ? () => onIgnore(first) : undefined}
      onWhitelist={onWhitelist && first.status === 'open' && whitelistWord(first) ? () => onWhitelist(first) : undefined}
      count={group.items.length}
    >
      {rest.length > 0 && (
        <details class="more">
          <summary>{t('groupMore', { n: rest.length })}</summary>
          <ul>
            {rest.map((f) => (
              <FindingItem f={f} key={f.fingerprint} onLocate={at(f)} onCapture={shoot(f)} brief />
            ))}
          </ul>
        </details>
      )}
    </FindingItem>
  );
}

function FindingItem({
  f,
  onLocate,
  onCapture,
  onIgnore,
  onWhitelist,
  count,
  brief,
  children,
}: {
  f: StoredFinding;
  onLocate?: () => void;
  onCapture?: () => void;
  onIgnore?: () => void;
  onWhitelist?: () => void;
  count?: number;
  brief?: boolean;
  children?: ComponentChildren;
}) {
  return (
    <li class={`finding lv-${f.level} st-${f.status}`} data-rule={f.ruleId} data-status={f.status} data-count={count ?? 1}>
      <div class="msg">
        {onLocate && (
          <button class="locate" onClick={onLocate} title={t('locateTitle')} data-testid="locate">
            {t('locate')}
          </button>
        )}
        {onCapture && (
          <button class="locate" onClick={onCapture} title={t('captureTitle')} data-testid="capture">
            {t('capture')}
          </button>
        )}
        <span class="tag">{LEVEL_LABEL[loc][f.level]}</span>
        {f.certainty === 'suspected' && <span class="sus">{t('suspected')}</span>}
        {f.status !== 'open' && <span class="status">{STATUS_LABEL[loc][f.status]}</span>}
        {!brief && findingMessage(f, loc)}
        {count !== undefined && count > 1 && <span class="group-n">{t("groupCount", { n: count })}</span>}
      </div>
      {f.excerpt && (
        <div class="excerpt">
          {t('excerpt')}
          {f.excerpt}
        </div>
      )}
      {f.suggestion && !brief && (
        <div class="suggestion">
          {t('suggestion')}
          {f.suggestion}
        </div>
      )}
      {onWhitelist && (
        <button class="link ignore" onClick={onWhitelist} title={t('whitelistTitle')} data-testid="whitelist">
          {t('whitelistWord', { word: whitelistWord(f)! })}
        </button>
      )}{' '}
      {onIgnore && <IgnoreButton f={f} onIgnore={onIgnore} />}
      {children}
    </li>
  );
}

/** Two clicks: the first asks (naming the rule), the second turns it off for the site. */
function IgnoreButton({ f, onIgnore }: { f: StoredFinding; onIgnore: () => void }) {
  const [asking, setAsking] = useState(false);
  return (
    <button
      class={`link ignore${asking ? ' asking' : ''}`}
      onClick={() => (asking ? onIgnore() : setAsking(true))}
      title={t('ignoreOnSiteTitle')}
      data-testid="ignore-on-site"
    >
      {asking ? t('ignoreOnSiteConfirm', { rule: ruleTitle(f.ruleId) }) : t('ignoreOnSite')}
    </button>
  );
}

function sortFindings(list: StoredFinding[]): StoredFinding[] {
  return [...list].sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || a.ruleId.localeCompare(b.ruleId));
}
