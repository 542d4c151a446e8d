/**
 * A. Catalogue box (目录要素): required fields present, shown fields filled, 名称 = headline.
 * Source: 目录指引 (2008) and 条例 第二十条; the required list is per site (RULES.md §A).
 */
import { defineRule } from './define';
import { OPTIONAL_EMPTY_OK } from './page/fields';
import { foldForCompare } from './page/text';
import type { CatalogField, PageModel } from './types';

/** Default required fields: `A|B` means either one will do. */
export const DEFAULT_REQUIRED = ['索引号', '发布机构', '发布日期|成文日期'];

const REF = '《政府信息公开目录系统实施指引（试行）》（国办秘书局，2008）；《政府信息公开条例》第二十条';

export function fieldOf(model: PageModel, name: string): CatalogField | undefined {
  return model.fields.find((f) => f.name === name);
}

/** 名称 is never in the default list: most boxes show the title as the headline instead. */
function requiredList(site: { requiredFields?: string[] }): string[] {
  return site.requiredFields ?? DEFAULT_REQUIRED;
}

const missingField = defineRule({
  id: 'catalog/missing-field',
  category: 'catalog',
  defaultLevel: 'warn',
  kinds: ['detail'],
  meta: {
    title: { zh: '目录要素缺失', en: 'Catalogue field missing' },
    description: '信息公开目录框缺少必备要素（默认：索引号、发布机构、发布日期或成文日期）。',
    reference: REF,
    messages: {
      missing: { zh: '信息公开目录缺少“{field}”', en: 'The catalogue box has no "{field}" field' },
    },
  },
  defaultOptions: {},
  check(model, ctx) {
    for (const req of requiredList(ctx.site)) {
      const names = req.split('|');
      if (names.some((n) => fieldOf(model, n))) continue;
      const field = names.join('或');
      ctx.report({
        messageId: 'missing',
        data: { field },
        field: names[0],
        excerpt: model.fields.map((f) => `${f.label}：${f.value}`).join('；'),
        selector: model.fields[0]?.selector,
        key: req,
      });
    }
  },
});

const emptyField = defineRule({
  id: 'catalog/empty-field',
  category: 'catalog',
  defaultLevel: 'warn',
  kinds: ['detail'],
  meta: {
    title: { zh: '目录要素为空', en: 'Catalogue field empty' },
    description: '目录框显示了要素名称却没有内容（如“文号：”后为空）。必备要素为“一般”，其他要素为“提示”。',
    reference: REF,
    messages: {
      empty: { zh: '目录要素“{field}”为空', en: 'The catalogue field "{field}" is empty' },
    },
  },
  defaultOptions: { ignore: [] as string[] },
  check(model, ctx) {
    const required = new Set(requiredList(ctx.site).flatMap((r) => r.split('|')));
    const ignore = new Set([...OPTIONAL_EMPTY_OK, ...(ctx.options.ignore as string[])]);
    for (const f of model.fields) {
      if (f.value !== '' || f.filledByScript || ignore.has(f.name)) continue;
      ctx.report({
        messageId: 'empty',
        data: { field: f.label },
        field: f.name,
        excerpt: `${f.label}：`,
        selector: f.selector,
        key: f.name,
        levelShift: required.has(f.name) ? undefined : -1,
      });
    }
  },
});

const titleMismatch = defineRule({
  id: 'catalog/title-mismatch',
  category: 'catalog',
  defaultLevel: 'warn',
  kinds: ['detail'],
  meta: {
    title: { zh: '名称与标题不一致', en: 'Name differs from headline' },
    description: '目录框的“名称”与正文标题不一致（忽略空格和标点）。',
    reference: REF,
    messages: {
      mismatch: { zh: '目录“名称”与正文标题不一致：“{name}” ≠ “{headline}”', en: 'Catalogue name "{name}" differs from the headline "{headline}"' },
    },
  },
  defaultOptions: {},
  check(model, ctx) {
    const name = fieldOf(model, '名称');
    if (!name || !name.value || !model.headline) return;
    if (foldForCompare(name.value) === foldForCompare(model.headline)) return;
    ctx.report({
      messageId: 'mismatch',
      data: { name: name.value, headline: model.headline },
      field: '名称',
      excerpt: name.value,
      suggestion: model.headline,
      selector: name.selector,
      key: '名称',
    });
  },
});

export const catalogRules = [missingField, emptyField, titleMismatch];
