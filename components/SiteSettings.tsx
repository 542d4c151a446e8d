/**
 * 站点设置 as a form: one card per site (a host name; it covers its sub-domains) with what editors
 * set most — index-number patterns, required catalogue fields, 繁体版, 要求公开属性, the rules
 * turned off on the site (本站不再检查此项 adds to it), the column classes and their ages — and
 * the rest of the site's settings (label aliases, rule levels) kept as JSON under 高级, which also
 * shows the column classes: the form and the JSON are one config, each redrawn when the other
 * changes it. Nothing is lost that the form does not show. The caller validates the whole config
 * before saving; the form's own problems (a bad age, a nameless class) are reported to it too.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import classData from '../rules/dicts/column-classes.json';
import { INDEX_PRESETS } from '../rules/index-number';
import { ruleById } from '../rules/index';
import { compileUserRegex, regexProblem, testBounded } from '../rules/safe-regex';
import type { SiteConfig } from '../rules/types';
import { locale, t } from '../utils/i18n';
import { t as ct } from './strings';

export type Sites = Record<string, SiteConfig>;

const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** The settings the form does not show as fields, as JSON text. */
function advancedOf(site: SiteConfig): string {
  const { indexPatterns: _a, requiredFields: _b, traditional: _c, requireDisclosure: _d, autoAudit: _e, rules, ...rest } = site;
  const levels = Object.fromEntries(Object.entries(rules ?? {}).filter(([, v]) => v !== 'off'));
  const out = { ...rest, ...(Object.keys(levels).length ? { rules: levels } : {}) };
  return Object.keys(out).length ? JSON.stringify(out, null, 2) : '';
}

export function SiteSettings({ sites, onChange, onProblem }: { sites: Sites; onChange: (s: Sites) => void; onProblem: (host: string, problem: string | null) => void }) {
  const [newHost, setNewHost] = useState('');
  const set = (host: string, site: SiteConfig) => onChange({ ...sites, [host]: site });
  const add = () => {
    const host = newHost.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/[/:].*$/, '');
    if (!host || sites[host]) return;
    onChange({ ...sites, [host]: {} });
    setNewHost('');
  };
  return (
    <div class="site-settings">
      {Object.entries(sites).map(([host, site]) => (
        <SiteCard
          key={host}
          host={host}
          site={site}
          onChange={(s) => set(host, s)}
          onRemove={() => {
            const { [host]: _gone, ...rest } = sites;
            onChange(rest);
          }}
          onProblem={(p) => onProblem(host, p)}
        />
      ))}
      <div class="row">
        <input placeholder="www.example.gov.cn" value={newHost} onInput={(e) => setNewHost((e.target as HTMLInputElement).value)} data-testid="site-new-host" />
        <button class="secondary" onClick={add} data-testid="site-add">
          {t('siteAdd')}
        </button>
      </div>
    </div>
  );
}

/** What the engine would say of `value` under these patterns, in words. */
function tryPatterns(patterns: string[], value: string): string {
  if (patterns.length === 0) return t('siteTryNone');
  for (const [i, p] of patterns.entries()) {
    const problem = regexProblem(p);
    if (problem) return t('siteTryBad', { n: i + 1, problem: problem.kind === 'syntax' ? problem.detail : t('siteTryNested') });
  }
  const hit = patterns.findIndex((p) => testBounded(compileUserRegex(p)!, value));
  return hit >= 0 ? t('siteTryOk', { n: hit + 1 }) : t('siteTryNo');
}

// ---- column classes (SiteConfig.columnClasses / columnMaxAge; shape and defaults: rules/columns.ts)

interface BuiltinClass {
  id: string;
  title: string;
  maxAgeDays: number | null;
  keywords: string[];
}
/** The shipped classes, then 其他 (columns of no class: no update duty unless the site sets one). */
const BUILTIN: BuiltinClass[] = [
  ...Object.entries(classData.classes as Record<string, Omit<BuiltinClass, 'id'>>).map(([id, c]) => ({ id, ...c })),
  { id: 'other', title: '其他', maxAgeDays: null, keywords: [] },
];
const builtinOf = (key: string) => BUILTIN.find((c) => c.id === key || c.title === key);

/** One row of the form: a built-in class (its id) or one of the site's own (builtin null). */
interface ClassRow {
  builtin: string | null;
  name: string;
  keywords: string;
  age: string;
}

const words = (s: string) => s.split(/[\s,，、;；]+/).filter(Boolean);

function classRows(site: SiteConfig): ClassRow[] {
  const cc = site.columnClasses ?? {};
  const ma = site.columnMaxAge ?? {};
  const pick = <T,>(m: Record<string, T>, c: BuiltinClass) => m[c.id] ?? m[c.title];
  const rows: ClassRow[] = BUILTIN.map((c) => ({ builtin: c.id, name: c.title, keywords: (pick(cc, c) ?? []).join('、'), age: String(pick(ma, c) ?? '') }));
  for (const key of new Set([...Object.keys(cc), ...Object.keys(ma)])) {
    if (builtinOf(key)) continue;
    rows.push({ builtin: null, name: key, keywords: (cc[key] ?? []).join('、'), age: String(ma[key] ?? '') });
  }
  return rows;
}

/** The config the rows describe (built-in classes keyed by id), what blocks saving, and what is only odd. */
export function rowsToColumns(rows: ClassRow[]): { columnClasses?: Record<string, string[]>; columnMaxAge?: Record<string, number>; problems: string[]; warnings: string[] } {
  const cc: Record<string, string[]> = {};
  const ma: Record<string, number> = {};
  const problems: string[] = [];
  const warnings: string[] = [];
  const names = new Set<string>();
  let custom = 0;
  for (const r of rows) {
    const kws = words(r.keywords);
    const age = r.age.trim();
    let key = r.builtin;
    if (key === null) {
      custom++;
      const name = r.name.trim();
      if (!name) {
        if (kws.length || age) problems.push(ct('colNameMissing', { n: custom }));
        continue;
      }
      if (builtinOf(name)) problems.push(ct('colNameBuiltin', { name }));
      else if (names.has(name)) problems.push(ct('colNameDup', { name }));
      else if (!kws.length) warnings.push(ct('colNoKeywords', { name }));
      names.add(name);
      key = name;
    }
    if (kws.length) cc[key] = kws;
    if (age) {
      if (/^\d{1,4}$/.test(age) && Number(age) <= 3650) ma[key] = Number(age);
      else problems.push(ct('colAgeBad', { name: r.name.trim() || String(custom), value: age }));
    }
  }
  return {
    ...(Object.keys(cc).length ? { columnClasses: cc } : {}),
    ...(Object.keys(ma).length ? { columnMaxAge: ma } : {}),
    problems,
    warnings,
  };
}

const columnsKey = (s: SiteConfig) => JSON.stringify([s.columnClasses ?? null, s.columnMaxAge ?? null]);

function ColumnClasses({ site, onChange, onProblem }: { site: SiteConfig; onChange: (s: SiteConfig) => void; onProblem: (p: string | null) => void }) {
  // The rows and the config they were last in step with. Typed text lives in the rows (onInput), so
  // a redraw from elsewhere never wipes what is being typed; the config is written on change.
  const key = columnsKey(site);
  const [state, setState] = useState(() => ({ key, rows: classRows(site) }));
  let rows = state.rows;
  if (state.key !== key) {
    // The config changed under the form (the JSON box): redraw the rows from it.
    rows = classRows(site);
    setState({ key, rows });
  }
  const { problems, warnings } = rowsToColumns(rows);
  const problemText = problems.length ? problems.join('；') : null;
  useEffect(() => onProblem(problemText), [problemText]);
  const edit = (next: ClassRow[]) => {
    const r = rowsToColumns(next);
    const { columnClasses: _a, columnMaxAge: _b, ...rest } = site;
    const out: SiteConfig = { ...rest, ...(r.columnClasses ? { columnClasses: r.columnClasses } : {}), ...(r.columnMaxAge ? { columnMaxAge: r.columnMaxAge } : {}) };
    setState({ key: columnsKey(out), rows: next });
    onChange(out);
  };
  const type = (i: number, patch: Partial<ClassRow>) => setState({ key: state.key, rows: rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const set = (i: number, patch: Partial<ClassRow>) => edit(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const value = (e: Event) => (e.target as HTMLInputElement).value;
  return (
    <div class="column-classes" data-testid="site-column-classes">
      {ct('colClasses')}
      <table style="text-align:left">
        <thead>
          <tr>
            <th>{ct('colClassHead')}</th>
            <th>{ct('colKeywordsHead')}</th>
            <th>{ct('colAgeHead')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const b = r.builtin ? builtinOf(r.builtin)! : null;
            return (
              <tr key={r.builtin ?? `custom-${i}`} data-class={r.builtin ?? `custom-${i}`}>
                <td>
                  {b ? (
                    <span title={b.keywords.join('、')}>
                      {b.id === 'other' ? ct('colOther') : b.title}
                      {b.keywords.length > 0 && (
                        <small class="muted" style="display:block"> {ct('colBuiltin', { n: b.keywords.length, words: b.keywords.slice(0, 4).join('、') + (b.keywords.length > 4 ? '…' : '') })}</small>
                      )}
                    </span>
                  ) : (
                    <input value={r.name} placeholder={ct('colNamePlaceholder')} onInput={(e) => type(i, { name: value(e) })} onChange={(e) => set(i, { name: value(e) })} data-testid="site-class-name" />
                  )}
                </td>
                <td>
                  {b?.id !== 'other' && b?.id !== 'home' && (
                    <input value={r.keywords} placeholder={ct('colKeywordsPlaceholder')} onInput={(e) => type(i, { keywords: value(e) })} onChange={(e) => set(i, { keywords: value(e) })} data-testid="site-class-keywords" />
                  )}
                </td>
                <td>
                  <input
                    type="number"
                    min={0}
                    max={3650}
                    step={1}
                    size={5}
                    value={r.age}
                    placeholder={b?.maxAgeDays != null ? String(b.maxAgeDays) : ct('colNoCheck')}
                    onInput={(e) => type(i, { age: value(e) })} onChange={(e) => set(i, { age: value(e) })}
                    data-testid="site-class-age"
                  />
                </td>
                <td>
                  {!b && (
                    <button class="link" onClick={() => edit(rows.filter((_, j) => j !== i))} data-testid="site-class-remove">
                      {ct('colRemove')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button class="secondary" onClick={() => setState({ key: state.key, rows: [...rows, { builtin: null, name: '', keywords: '', age: '' }] })} data-testid="site-class-add">
        {ct('colAdd')}
      </button>
      {(problems.length > 0 || warnings.length > 0) && (
        <ul class="problems" data-testid="site-column-problems">
          {problems.map((p) => (
            <li key={p} class="error" style="color:#d93025">
              {p}
            </li>
          ))}
          {warnings.map((p) => (
            <li key={p} class="muted" style="color:#5f6368">
              {p}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function SiteCard(props: { host: string; site: SiteConfig; onChange: (s: SiteConfig) => void; onRemove: () => void; onProblem: (p: string | null) => void }) {
  const { host, site } = props;
  const loc = locale();
  const off = Object.entries(site.rules ?? {})
    .filter(([, v]) => v === 'off')
    .map(([id]) => id);
  const derived = advancedOf(site);
  const [advanced, setAdvanced] = useState(derived);
  // Two parts of the card can be wrong at once: the JSON box and the column classes.
  const problems = useRef<{ advanced: string | null; columns: string | null }>({ advanced: null, columns: null });
  const report = (part: 'advanced' | 'columns', p: string | null) => {
    problems.current[part] = p;
    const all = [problems.current.advanced, problems.current.columns].filter(Boolean);
    props.onProblem(all.length ? all.join('\n') : null);
  };
  // The form changed what the JSON shows (column classes): redraw the box, unless it holds an unfinished edit.
  useEffect(() => {
    if (!problems.current.advanced) setAdvanced(derived);
  }, [derived]);
  // A live test box: does an index number of the site pass the patterns as typed?
  const [trial, setTrial] = useState('');
  const update = (patch: Partial<SiteConfig>) => props.onChange({ ...site, ...patch });
  const removeOff = (id: string) => {
    const { [id]: _gone, ...rules } = site.rules ?? {};
    update({ rules });
  };
  const applyAdvanced = (text: string) => {
    setAdvanced(text);
    let extra: SiteConfig = {};
    try {
      extra = text.trim() ? JSON.parse(text) : {};
      if (typeof extra !== 'object' || extra === null || Array.isArray(extra)) throw new Error(t('siteAdvancedObject'));
    } catch (e) {
      report('advanced', t('siteAdvancedBad', { host, error: e instanceof Error ? e.message : String(e) }));
      return;
    }
    report('advanced', null);
    const offRules = Object.fromEntries(off.map((id) => [id, 'off' as const]));
    props.onChange({
      ...(site.indexPatterns ? { indexPatterns: site.indexPatterns } : {}),
      ...(site.requiredFields ? { requiredFields: site.requiredFields } : {}),
      ...(site.traditional ? { traditional: true } : {}),
      ...(site.requireDisclosure ? { requireDisclosure: true } : {}),
      ...(site.autoAudit === false ? { autoAudit: false } : {}),
      ...extra,
      ...(off.length || extra.rules ? { rules: { ...(extra.rules ?? {}), ...offRules } } : {}),
    });
  };
  return (
    <fieldset class="site-card" data-host={host}>
      <legend>
        {host}{' '}
        <button class="link" onClick={props.onRemove} data-testid="site-remove">
          {t('siteRemove')}
        </button>
      </legend>
      <label>
        {t('siteIndexPatterns')}
        <textarea rows={2} value={(site.indexPatterns ?? []).join('\n')} onChange={(e) => update({ indexPatterns: lines((e.target as HTMLTextAreaElement).value) })} data-testid="site-index-patterns" />
      </label>
      <div class="row">
        <select
          value=""
          onChange={(e) => {
            const v = (e.target as HTMLSelectElement).value;
            if (v && !(site.indexPatterns ?? []).includes(v)) update({ indexPatterns: [...(site.indexPatterns ?? []), v] });
          }}
          data-testid="site-index-preset"
        >
          <option value="">{t('sitePreset')}</option>
          {Object.entries(INDEX_PRESETS).map(([name, re]) => (
            <option key={name} value={re}>
              {name}：{re}
            </option>
          ))}
        </select>
        <input placeholder={t('siteTryPlaceholder')} value={trial} onInput={(e) => setTrial((e.target as HTMLInputElement).value)} data-testid="site-index-try" />
        {trial.trim() && <span data-testid="site-index-result">{tryPatterns(site.indexPatterns ?? [], trial.trim())}</span>}
      </div>
      <label>
        {t('siteRequiredFields')}
        <textarea rows={2} value={(site.requiredFields ?? []).join('\n')} onChange={(e) => update({ requiredFields: lines((e.target as HTMLTextAreaElement).value) })} data-testid="site-required-fields" />
      </label>
      <label class="check">
        <input type="checkbox" checked={site.autoAudit !== false} onChange={(e) => update({ autoAudit: (e.target as HTMLInputElement).checked ? undefined : false })} data-testid="site-auto-audit" /> {t('siteAutoAudit')}
      </label>
      <label class="check">
        <input type="checkbox" checked={!!site.traditional} onChange={(e) => update({ traditional: (e.target as HTMLInputElement).checked || undefined })} /> {t('siteTraditional')}
      </label>
      <label class="check">
        <input type="checkbox" checked={!!site.requireDisclosure} onChange={(e) => update({ requireDisclosure: (e.target as HTMLInputElement).checked || undefined })} /> {t('siteRequireDisclosure')}
      </label>
      <div class="off-rules">
        {t('siteRulesOff')}
        {off.length === 0 ? (
          <span class="muted"> {t('siteNoRulesOff')}</span>
        ) : (
          <ul>
            {off.map((id) => (
              <li key={id} data-rule={id}>
                {ruleById.get(id)?.meta.title[loc] ?? id} <code>{id}</code>{' '}
                <button class="link" onClick={() => removeOff(id)} data-testid="site-rule-on">
                  {t('siteRuleOn')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <ColumnClasses site={site} onChange={props.onChange} onProblem={(p) => report('columns', p && ct('colProblems', { host, problems: p }))} />
      <details>
        <summary>{t('siteAdvanced')}</summary>
        <textarea rows={4} value={advanced} onChange={(e) => applyAdvanced((e.target as HTMLTextAreaElement).value)} data-testid="site-advanced" />
      </details>
    </fieldset>
  );
}
