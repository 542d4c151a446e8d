/**
 * Settings: the rule profile, per-rule levels (a sparse override, ESLint-like), per-site settings,
 * user dictionaries, and import/export of the whole config as JSON. Nothing is saved unless the
 * whole config validates; a bad import file says what is wrong and changes nothing.
 */
import { useEffect, useState } from 'preact/hooks';
import { PROFILES, PROFILE_NAMES, resolveRules } from '../../rules/config';
import { allRules } from '../../rules/index';
import type { Config, LevelSetting, RuleSetting } from '../../rules/types';
import { leadersText, parseLeaders, parseTypos, parseWords, typosText } from '../../utils/config-text';
import { AutoSites } from '../../components/AutoSites';
import { SiteSettings, type Sites } from '../../components/SiteSettings';
import { locale, t } from '../../utils/i18n';
import { CATEGORY_LABEL, LEVEL_LABEL } from '../../utils/labels';
import { uiLocaleItem } from '../../utils/locale';
import { configItem, saveConfig } from '../../utils/settings';
import type { Locale } from '../../utils/labels';

const loc = locale();
const LEVEL_OPTIONS: { v: LevelSetting; label: string }[] = [
  { v: 'off', label: t('levelOff') },
  ...(['info', 'warn', 'error'] as const).map((v) => ({ v, label: LEVEL_LABEL[loc][v] })),
];

export function App() {
  const [config, setConfig] = useState<Config | null>(null);
  const [sites, setSites] = useState<Sites>({});
  const [siteProblems, setSiteProblems] = useState<Record<string, string>>({});
  const [typos, setTypos] = useState('');
  const [whitelist, setWhitelist] = useState('');
  const [sensitive, setSensitive] = useState('');
  const [leaders, setLeaders] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const adopt = (c: Config) => {
    setConfig(c);
    setSites(c.sites ?? {});
    setSiteProblems({});
    setTypos(typosText(c.dictionaries ?? {}));
    setWhitelist((c.dictionaries?.whitelist ?? []).join('\n'));
    setSensitive((c.dictionaries?.sensitive ?? []).join('\n'));
    setLeaders(leadersText(c.dictionaries ?? {}));
  };
  useEffect(() => {
    void configItem.getValue().then(adopt);
  }, []);
  if (!config) return <p>{t('optLoading')}</p>;

  const effective = resolveRules(allRules, config, {});
  const setRule = (id: string, level: LevelSetting | '') => {
    const rules = { ...(config.rules ?? {}) };
    const current = rules[id];
    if (level === '') delete rules[id];
    else rules[id] = Array.isArray(current) && current[1] ? ([level, current[1]] as RuleSetting) : level;
    setConfig({ ...config, rules });
  };

  /** The config the form describes, with every problem found on the way. */
  const collect = (): { value: Config; problems: string[] } => {
    const problems: string[] = [];
    problems.push(...Object.values(siteProblems));
    const ty = parseTypos(typos);
    const l = parseLeaders(leaders);
    problems.push(...ty.problems, ...l.problems);
    const value: Config = {
      ...config,
      sites,
      dictionaries: { typos: ty.value, whitelist: parseWords(whitelist), sensitive: parseWords(sensitive), leaders: l.value },
    };
    return { value, problems };
  };

  const save = async () => {
    const { value, problems } = collect();
    const all = problems.length ? problems : await saveConfig(value);
    setMessage(all.length ? { ok: false, text: `${t('optNotSaved')}\n${all.join('\n')}` } : { ok: true, text: t('optSaved') });
  };

  const exportConfig = () => {
    const { value } = collect();
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }));
    a.download = 'govlint-config.json';
    a.click();
  };

  const importConfig = async (file: File | undefined) => {
    if (!file) return;
    let value: unknown;
    try {
      value = JSON.parse((await file.text()).replace(/^\uFEFF/, ''));
    } catch (e) {
      setMessage({ ok: false, text: t('optImportNotJson', { error: e instanceof Error ? e.message : String(e) }) });
      return;
    }
    const problems = await saveConfig(value);
    if (problems.length) setMessage({ ok: false, text: `${t('optImportFailed')}\n${problems.join('\n')}` });
    else {
      adopt(value as Config);
      setMessage({ ok: true, text: t('optImported', { file: file.name }) });
    }
  };

  return (
    <div class="options">
      <h1>{t('optTitle')}</h1>
      <section>
        <h2>{t('optLanguage')}</h2>
        <select
          value={loc}
          data-testid="ui-locale"
          onChange={async (e) => {
            await uiLocaleItem.setValue((e.target as HTMLSelectElement).value as Locale);
            location.reload();
          }}
        >
          <option value="zh">中文</option>
          <option value="en">English</option>
        </select>
      </section>
      <section>
        <h2>{t('optProfile')}</h2>
        {PROFILE_NAMES.map((p) => (
          <label key={p} class="radio">
            <input type="radio" name="profile" checked={(config.profile ?? 'daily') === p} onChange={() => setConfig({ ...config, profile: p })} />
            {PROFILES[p].title}（{p}）
          </label>
        ))}
      </section>
      <section>
        <h2>{t('optToday')}</h2>
        <p class="hint">{t('optTodayHint')}</p>
        <input
          type="date"
          value={config.today ?? ''}
          data-testid="today"
          onInput={(e) => {
            const v = (e.target as HTMLInputElement).value;
            const { today: _old, ...rest } = config;
            setConfig(v ? { ...rest, today: v } : rest);
          }}
        />
      </section>
      <section>
        <h2>{t('optRules')}</h2>
        <table class="rules">
          <thead>
            <tr>
              <th>{t('optRule')}</th>
              <th>{t('optCategory')}</th>
              <th>{t('optDescription')}</th>
              <th>{t('optLevel')}</th>
            </tr>
          </thead>
          <tbody>
            {allRules.map((r) => {
              const own = config.rules?.[r.id];
              const ownLevel = own === undefined ? '' : Array.isArray(own) ? own[0] : own;
              return (
                <tr key={r.id}>
                  <td>
                    <code>{r.id}</code>
                    <div>{r.meta.title[loc]}</div>
                  </td>
                  <td>{CATEGORY_LABEL[loc][r.category]}</td>
                  <td class="desc">{r.meta.description}</td>
                  <td>
                    <select value={ownLevel} onChange={(e) => setRule(r.id, (e.target as HTMLSelectElement).value as LevelSetting | '')} data-rule={r.id}>
                      <option value="">{t('optDefault', { level: LEVEL_OPTIONS.find((o) => o.v === effective.get(r.id)?.level)?.label ?? '' })}</option>
                      {LEVEL_OPTIONS.map((o) => (
                        <option key={o.v} value={o.v}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <AutoSites />
      <section>
        <h2>{t('optSites')}</h2>
        <p class="hint">{t('optSitesHint')}</p>
        <SiteSettings
          sites={sites}
          onChange={setSites}
          onProblem={(host, p) => {
            const { [host]: _old, ...rest } = siteProblems;
            setSiteProblems(p ? { ...rest, [host]: p } : rest);
          }}
        />
      </section>
      <section class="dicts">
        <h2>{t('optDicts')}</h2>
        <label>
          {t('optTypos')}
          <textarea rows={6} value={typos} onInput={(e) => setTypos((e.target as HTMLTextAreaElement).value)} />
        </label>
        <label>
          {t('optWhitelist')}
          <textarea rows={6} value={whitelist} onInput={(e) => setWhitelist((e.target as HTMLTextAreaElement).value)} />
        </label>
        <label>
          {t('optSensitive')}
          <textarea rows={6} value={sensitive} onInput={(e) => setSensitive((e.target as HTMLTextAreaElement).value)} />
        </label>
        <label>
          {t('optLeaders')}
          <textarea rows={6} value={leaders} onInput={(e) => setLeaders((e.target as HTMLTextAreaElement).value)} />
        </label>
      </section>
      <div class="bar">
        <button onClick={save} data-testid="save">
          {t('optSave')}
        </button>
        <button class="secondary" onClick={exportConfig}>
          {t('optExport')}
        </button>
        <label class="button secondary">
          {t('optImport')}
          <input type="file" accept=".json,application/json" hidden onChange={(e) => importConfig((e.target as HTMLInputElement).files?.[0])} data-testid="import" />
        </label>
      </div>
      {message && (
        <pre class={message.ok ? 'ok' : 'error'} data-testid="message">
          {message.text}
        </pre>
      )}
    </div>
  );
}
