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
import { CATEGORY_LABEL } from '../../utils/labels';
import { configItem, saveConfig } from '../../utils/settings';

const LEVEL_OPTIONS: { v: LevelSetting; zh: string }[] = [
  { v: 'off', zh: '关闭' },
  { v: 'info', zh: '提示' },
  { v: 'warn', zh: '一般' },
  { v: 'error', zh: '严重' },
];

export function App() {
  const [config, setConfig] = useState<Config | null>(null);
  const [sitesText, setSitesText] = useState('{}');
  const [typos, setTypos] = useState('');
  const [whitelist, setWhitelist] = useState('');
  const [sensitive, setSensitive] = useState('');
  const [leaders, setLeaders] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const adopt = (c: Config) => {
    setConfig(c);
    setSitesText(JSON.stringify(c.sites ?? {}, null, 2));
    setTypos(typosText(c.dictionaries ?? {}));
    setWhitelist((c.dictionaries?.whitelist ?? []).join('\n'));
    setSensitive((c.dictionaries?.sensitive ?? []).join('\n'));
    setLeaders(leadersText(c.dictionaries ?? {}));
  };
  useEffect(() => {
    void configItem.getValue().then(adopt);
  }, []);
  if (!config) return <p>正在读取设置…</p>;

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
    let sites: Config['sites'] = {};
    try {
      sites = JSON.parse(sitesText || '{}');
    } catch (e) {
      problems.push(`站点设置不是有效的 JSON：${e instanceof Error ? e.message : e}`);
    }
    const t = parseTypos(typos);
    const l = parseLeaders(leaders);
    problems.push(...t.problems, ...l.problems);
    const value: Config = {
      ...config,
      sites,
      dictionaries: { typos: t.value, whitelist: parseWords(whitelist), sensitive: parseWords(sensitive), leaders: l.value },
    };
    return { value, problems };
  };

  const save = async () => {
    const { value, problems } = collect();
    const all = problems.length ? problems : await saveConfig(value);
    setMessage(all.length ? { ok: false, text: `未保存：\n${all.join('\n')}` } : { ok: true, text: '已保存。新设置对之后的检查生效。' });
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
      setMessage({ ok: false, text: `导入失败，设置未改变：文件不是有效的 JSON（${e instanceof Error ? e.message : e}）` });
      return;
    }
    const problems = await saveConfig(value);
    if (problems.length) setMessage({ ok: false, text: `导入失败，设置未改变：\n${problems.join('\n')}` });
    else {
      adopt(value as Config);
      setMessage({ ok: true, text: `已导入 ${file.name}。` });
    }
  };

  return (
    <div class="options">
      <h1>GovLint 设置</h1>
      <section>
        <h2>检查方案</h2>
        {PROFILE_NAMES.map((p) => (
          <label key={p} class="radio">
            <input type="radio" name="profile" checked={(config.profile ?? 'daily') === p} onChange={() => setConfig({ ...config, profile: p })} />
            {PROFILES[p].title}（{p}）
          </label>
        ))}
      </section>
      <section>
        <h2>规则</h2>
        <table class="rules">
          <thead>
            <tr>
              <th>规则</th>
              <th>类别</th>
              <th>说明</th>
              <th>级别</th>
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
                    <div>{r.meta.title.zh}</div>
                  </td>
                  <td>{CATEGORY_LABEL.zh[r.category]}</td>
                  <td class="desc">{r.meta.description}</td>
                  <td>
                    <select value={ownLevel} onChange={(e) => setRule(r.id, (e.target as HTMLSelectElement).value as LevelSetting | '')} data-rule={r.id}>
                      <option value="">方案默认（{LEVEL_OPTIONS.find((o) => o.v === effective.get(r.id)?.level)?.zh}）</option>
                      {LEVEL_OPTIONS.map((o) => (
                        <option key={o.v} value={o.v}>
                          {o.zh}
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
      <section>
        <h2>站点设置（JSON）</h2>
        <p class="hint">按域名设置：索引号规则 indexPatterns、必备要素 requiredFields、栏目分类 columnClasses、繁体版 traditional、要求公开属性 requireDisclosure、规则级别 rules。</p>
        <textarea rows={8} value={sitesText} onInput={(e) => setSitesText((e.target as HTMLTextAreaElement).value)} data-testid="sites" />
      </section>
      <section class="dicts">
        <h2>词典</h2>
        <label>
          错别字（每行：错词 正词）
          <textarea rows={6} value={typos} onInput={(e) => setTypos((e.target as HTMLTextAreaElement).value)} />
        </label>
        <label>
          白名单（每行一个词，永不报告）
          <textarea rows={6} value={whitelist} onInput={(e) => setWhitelist((e.target as HTMLTextAreaElement).value)} />
        </label>
        <label>
          敏感词（每行一个词）
          <textarea rows={6} value={sensitive} onInput={(e) => setSensitive((e.target as HTMLTextAreaElement).value)} />
        </label>
        <label>
          领导名单（每行：姓名 职务 [任职日期]）
          <textarea rows={6} value={leaders} onInput={(e) => setLeaders((e.target as HTMLTextAreaElement).value)} />
        </label>
      </section>
      <div class="bar">
        <button onClick={save} data-testid="save">
          保存
        </button>
        <button class="secondary" onClick={exportConfig}>
          导出设置
        </button>
        <label class="button secondary">
          导入设置
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
