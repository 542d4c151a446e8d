/**
 * UI strings of the extension pages, Chinese first (the default), English when the user picks it. Strings are data: one table per locale, keys shared; a
 * key missing in English falls back to Chinese. Rule messages are translated separately
 * (rules/messages.ts findingMessage), from each rule's own { zh, en } templates.
 */
import { fill } from '../rules/fill';
import type { Locale } from './labels';

export type { Locale };

const zh = {
  appName: 'GovLint 政务网站自查助手',
  settings: '设置',
  loading: '正在读取…',
  notWebPage: '此页面不是网页，无法检查。',
  lastAudit: '上次检查：{time}',
  notAudited: '本页尚未检查',
  column: ' · 栏目：{column}',
  auditing: '正在检查…',
  reaudit: '重新检查',
  auditThis: '检查此页',
  openDashboard: '在管理台中查看',
  sweepSite: '巡检本站',
  showInPage: '在页面上标出',
  auditFailed: '检查失败：{error}',
  noOpen: '未发现待整改问题。',
  siteSummary: '本站检查指标自查',
  siteRisk: '：存在否决风险',
  siteNoRisk: '：已检查 {n} 个页面，未见否决风险',
  siteFewPages: '：已检查 {n} 个页面，暂未发现否决项（页面太少，不足以判断；可“巡检本站”）',
  closedSection: '已整改 / 已忽略 {n}',
  infoSection: '提示 {n} 条',
  excerpt: '原文：',
  suggestion: '建议：',
  locate: '定位',
  locateTitle: '在页面上找到并标出这一处',
  locateFailed: '在页面上找不到这一处：页面可能已改动，请重新检查',
  suspected: '疑似',
  panelTitle: 'GovLint 政务网站自查助手',
  panelOk: '未发现问题',
  optToday: '检查日期',
  optTodayHint: '日期和栏目更新类规则以这一天为“今天”（例如按季度检查的截止日复查）；留空则为当天。',
  ignoreOnSite: '本站不再检查此项',
  ignoreOnSiteTitle: '在本站关闭这条规则，并把它在本站的未整改问题标为“已忽略”（可在设置中恢复）',
  ignoreOnSiteConfirm: '确认：本站不再检查“{rule}”',
  ignoredOnSite: '已设置为本站不检查此项，{n} 条问题标为“已忽略”',
  groupCount: '共 {n} 处',
  groupMore: '其余 {n} 处',
  panelOkPartial: '未发现问题（{n} 个框架未检查）',
  panelUnread: '{n} 个框架来自其他网站，浏览器不允许读取，未检查：{urls}',
  inFrame: '框架内：{url}',
  panelCount: '本页问题 {n} 个',
  panelFailed: '以下规则未能完成检查，其原有问题保持不变：{rules}',
  panelClose: '关闭标注',
  summaryHead: '检查指标（单项否决）',
  summaryCount: '数量',
  summaryThreshold: '阈值',
  summaryVerdict: '结论',
  summaryNote: '只统计已检查的页面中待整改的问题，供自查参考，不是正式评分。',
  risk: '否决风险',
  pass: '通过',
  optLanguage: '界面语言',
  optLoading: '正在读取设置…',
  optTitle: 'GovLint 设置',
  optProfile: '检查方案',
  optRules: '规则',
  optRule: '规则',
  optCategory: '类别',
  optDescription: '说明',
  optLevel: '级别',
  optDefault: '方案默认（{level}）',
  levelOff: '关闭',
  optAutoSites: '其他网站（自动检查）',
  optAutoSitesHint: '*.gov.cn 和 *.政务 网站会自动检查。内容管理系统的预览地址、内网地址或其他域名的网站，在此添加后同样自动检查；添加时浏览器会询问是否允许访问该网站，移除时收回权限。',
  optAutoSitesNone: '尚未添加。',
  optAutoSitesAdd: '添加并授权',
  optAutoSitesRemove: '移除',
  optSites: '站点设置（JSON）',
  optSitesHint: '按域名设置：索引号规则 indexPatterns、必备要素 requiredFields、栏目分类 columnClasses、繁体版 traditional、要求公开属性 requireDisclosure、规则级别 rules。',
  optDicts: '词典',
  optTypos: '错别字（每行：错词 正词）',
  optWhitelist: '白名单（每行一个词，永不报告）',
  optSensitive: '敏感词（每行一个词）',
  optLeaders: '领导名单（每行：姓名 职务 [任职日期]）',
  optSave: '保存',
  optExport: '导出设置',
  optImport: '导入设置',
  optNotSaved: '未保存：',
  optSaved: '已保存。新设置对之后的检查生效。',
  optBadJson: '站点设置不是有效的 JSON：{error}',
  optImportFailed: '导入失败，设置未改变：',
  optImportNotJson: '导入失败，设置未改变：文件不是有效的 JSON（{error}）',
  optImported: '已导入 {file}。',
};

export type MessageKey = keyof typeof zh;

const en: Partial<Record<MessageKey, string>> = {
  appName: 'GovLint — government website checker',
  settings: 'Settings',
  loading: 'Loading…',
  notWebPage: 'This is not a web page; it cannot be checked.',
  lastAudit: 'Last checked: {time}',
  notAudited: 'This page has not been checked yet',
  column: ' · Column: {column}',
  auditing: 'Checking…',
  reaudit: 'Check again',
  auditThis: 'Check this page',
  openDashboard: 'Open in dashboard',
  sweepSite: 'Sweep this site',
  showInPage: 'Show on the page',
  auditFailed: 'Check failed: {error}',
  noOpen: 'Nothing left to fix.',
  siteSummary: 'Site self-check against the national indicators',
  siteRisk: ': at risk',
  siteNoRisk: ': {n} pages checked, no veto risk seen',
  siteFewPages: ': {n} pages checked, no veto item found yet (too few pages to judge; sweep the site)',
  closedSection: 'Fixed / ignored {n}',
  infoSection: '{n} hints',
  excerpt: 'Text: ',
  suggestion: 'Suggestion: ',
  locate: 'Locate',
  locateTitle: 'Find and mark this on the page',
  locateFailed: 'This is not on the page any more: it may have changed; audit it again',
  suspected: 'suspected',
  panelTitle: 'GovLint',
  panelOk: 'No findings',
  optToday: 'Check date',
  optTodayHint: 'Date and column-update rules take this day as "today" (e.g. re-checking as of a quarterly deadline); empty means the real today.',
  ignoreOnSite: 'Stop checking this on this site',
  ignoreOnSiteTitle: 'Turns this rule off for this site and marks its open findings here as ignored (undo in the settings)',
  ignoreOnSiteConfirm: 'Confirm: stop checking "{rule}" on this site',
  ignoredOnSite: 'Turned off for this site; {n} findings marked ignored',
  groupCount: '{n} places',
  groupMore: '{n} more',
  panelOkPartial: 'No findings ({n} frames not checked)',
  panelUnread: '{n} frames come from other sites, which the browser does not let GovLint read; not checked: {urls}',
  inFrame: 'In a frame: {url}',
  panelCount: '{n} findings on this page',
  panelFailed: 'These rules could not finish; their earlier findings were kept as they were: {rules}',
  panelClose: 'Remove highlights',
  summaryHead: 'Indicator (single veto)',
  summaryCount: 'Count',
  summaryThreshold: 'Threshold',
  summaryVerdict: 'Verdict',
  summaryNote: 'Counts open findings of the pages checked so far; a guide for self-checks, not an official score.',
  risk: 'At risk',
  pass: 'Pass',
  optLanguage: 'Language',
  optLoading: 'Loading settings…',
  optTitle: 'GovLint settings',
  optProfile: 'Profile',
  optRules: 'Rules',
  optRule: 'Rule',
  optCategory: 'Category',
  optDescription: 'Description',
  optLevel: 'Level',
  optDefault: 'Profile default ({level})',
  levelOff: 'Off',
  optAutoSites: 'Other sites (audited automatically)',
  optAutoSitesHint: 'Sites on *.gov.cn and *.政务 are audited automatically. Add a CMS preview host, an intranet address or another domain here to audit it the same way; the browser asks for permission to that site when you add it, and it is given back when you remove it.',
  optAutoSitesNone: 'None added.',
  optAutoSitesAdd: 'Add and allow',
  optAutoSitesRemove: 'Remove',
  optSites: 'Per-site settings (JSON)',
  optSitesHint: 'By host name: indexPatterns, requiredFields, columnClasses, traditional, requireDisclosure, rules.',
  optDicts: 'Dictionaries',
  optTypos: 'Typos (one per line: wrong right)',
  optWhitelist: 'Whitelist (one word per line, never reported)',
  optSensitive: 'Sensitive words (one per line)',
  optLeaders: 'Leaders (one per line: name title [since YYYY-MM-DD])',
  optSave: 'Save',
  optExport: 'Export settings',
  optImport: 'Import settings',
  optNotSaved: 'Not saved:',
  optSaved: 'Saved. New settings apply to the next checks.',
  optBadJson: 'Per-site settings are not valid JSON: {error}',
  optImportFailed: 'Import failed, settings unchanged:',
  optImportNotJson: 'Import failed, settings unchanged: the file is not valid JSON ({error})',
  optImported: 'Imported {file}.',
};

let current: Locale = 'zh';

/**
 * The UI locale: Chinese unless the user chose English in the settings (utils/settings.ts
 * loads the choice before a page renders). Not the browser's language: the users work in
 * Chinese whatever their browser says, and headless and office machines often say en-US.
 */
export function locale(): Locale {
  return current;
}

export function setLocale(l: Locale | null): void {
  current = l ?? 'zh';
}

/**
 * A translator over one pair of tables (a page can keep its own strings next to it:
 * components/strings.ts). English falls back to Chinese key by key.
 */
export function createT<K extends string>(zhTable: Record<K, string>, enTable: Partial<Record<K, string>>) {
  return (key: K, data?: Record<string, string | number>): string => fill((locale() === 'en' ? enTable[key] : undefined) ?? zhTable[key], data);
}

/** Strings shared by the popup, the in-page panel, the options page and the components. */
export const t = createT(zh, en);
