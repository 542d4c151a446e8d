/**
 * 站点设置 as a form: one card per site (a host name; it covers its sub-domains) with what editors
 * set most — index-number patterns, required catalogue fields, 繁体版, 要求公开属性, the rules
 * turned off on the site (本站不再检查此项 adds to it) — and the rest of the site's settings
 * (column classes, ages, label aliases, rule levels) kept as JSON under 高级. Nothing is lost
 * that the form does not show. The caller validates the whole config before saving.
 */
import { useState } from 'preact/hooks';
import { INDEX_PRESETS } from '../rules/index-number';
import { ruleById } from '../rules/index';
import { compileUserRegex, regexProblem, testBounded } from '../rules/safe-regex';
import type { SiteConfig } from '../rules/types';
import { locale, t } from '../utils/i18n';

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

function SiteCard(props: { host: string; site: SiteConfig; onChange: (s: SiteConfig) => void; onRemove: () => void; onProblem: (p: string | null) => void }) {
  const { host, site } = props;
  const loc = locale();
  const off = Object.entries(site.rules ?? {})
    .filter(([, v]) => v === 'off')
    .map(([id]) => id);
  const [advanced, setAdvanced] = useState(advancedOf(site));
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
      props.onProblem(t('siteAdvancedBad', { host, error: e instanceof Error ? e.message : String(e) }));
      return;
    }
    props.onProblem(null);
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
      <details>
        <summary>{t('siteAdvanced')}</summary>
        <textarea rows={4} value={advanced} onChange={(e) => applyAdvanced((e.target as HTMLTextAreaElement).value)} data-testid="site-advanced" />
      </details>
    </fieldset>
  );
}
