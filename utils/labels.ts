/** Chinese-first labels for levels, categories and statuses (popup, dashboard, exports). */
import type { Category, Level } from '../rules/types';
import type { FindingStatus } from './db';

export type Locale = 'zh' | 'en';

export const LEVEL_LABEL: Record<Locale, Record<Level, string>> = {
  zh: { error: '严重', warn: '一般', info: '提示' },
  en: { error: 'Error', warn: 'Warning', info: 'Info' },
};

export const STATUS_LABEL: Record<Locale, Record<FindingStatus, string>> = {
  zh: { open: '待整改', fixed: '已整改', ignored: '已忽略', 'false-positive': '误报' },
  en: { open: 'Open', fixed: 'Fixed', ignored: 'Ignored', 'false-positive': 'False positive' },
};

export const CATEGORY_LABEL: Record<Locale, Record<Category, string>> = {
  zh: {
    catalog: '目录要素',
    'index-number': '索引号',
    'doc-number': '文号',
    disclosure: '公开属性',
    validity: '有效性',
    date: '日期',
    meta: '页面元数据',
    footer: '页脚标识',
    column: '栏目更新',
    interaction: '互动回应',
    link: '链接',
    text: '文字内容',
    privacy: '个人信息',
  },
  en: {
    catalog: 'Catalogue',
    'index-number': 'Index number',
    'doc-number': 'Document number',
    disclosure: 'Disclosure',
    validity: 'Validity',
    date: 'Dates',
    meta: 'Page metadata',
    footer: 'Footer',
    column: 'Columns',
    interaction: 'Interaction',
    link: 'Links',
    text: 'Text',
    privacy: 'Personal data',
  },
};
