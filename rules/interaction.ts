/**
 * H. Interaction (互动回应): messages left unanswered for over 3 months (检查指标 单项否决
 * '互动回应差'), and replies slower than N working days (local rules vary: 5 is common).
 * Working days skip Saturdays and Sundays; public holidays and make-up working days (调休) are
 * options, as ISO date lists, because they change every year by State Council notice.
 */
import { defineRule } from './define';
import words from './dicts/interaction-words.json';
import { addMonths, daysBetween, workingDaysBetween } from './date-parse';
import type { InteractionItem } from './types';

const ANSWERED = new Set(words.answeredStatus);
const PENDING = new Set(words.pendingStatus);

/** True when the item shows a reply (a reply date, or a status such as 已回复/已办结). */
export function isAnswered(it: InteractionItem): boolean {
  if (it.repliedDate) return true;
  const s = (it.status ?? '').replace(/\s+/g, '');
  if (!s) return false;
  if ([...PENDING].some((w) => s.includes(w))) return false;
  return [...ANSWERED].some((w) => s.includes(w));
}

/** True when the item says it is not answered: a pending status, or no status and no reply. */
function isPending(it: InteractionItem): boolean {
  if (it.repliedDate) return false;
  const s = (it.status ?? '').replace(/\s+/g, '');
  if (!s) return true;
  return [...PENDING].some((w) => s.includes(w));
}

const keyOf = (it: InteractionItem) => it.href ?? `${it.title}@${it.askedDate}`;

const unanswered = defineRule({
  id: 'interaction/unanswered',
  category: 'interaction',
  defaultLevel: 'error',
  meta: {
    title: { zh: '留言超期未回复', en: 'Message unanswered' },
    description: '政务咨询类留言没有回复，或标为未回复/办理中，且已超过 3 个月（检查指标单项否决：互动回应差）。',
    reference: '《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）单项否决：互动回应差（超过 3 个月未回应的有效留言）',
    messages: {
      unanswered: {
        zh: '留言“{title}”提交于 {asked}，{state}，已超过 {months} 个月（{days} 天）',
        en: 'Message "{title}" sent {asked}: {stateEn}, over {months} months ({days} days)',
      },
    },
  },
  defaultOptions: { months: 3 },
  check(model, ctx) {
    const months = Number(ctx.options.months) || 3;
    for (const it of model.interaction) {
      if (!it.askedDate || !isPending(it) || isAnswered(it)) continue;
      if (addMonths(it.askedDate, months) >= ctx.today) continue;
      const state = it.status ? `状态为“${it.status}”` : '没有回复';
      ctx.report({
        messageId: 'unanswered',
        data: {
          title: it.title || '（无标题）',
          asked: it.askedDate,
          state,
          stateEn: it.status ? `status "${it.status}"` : 'no reply',
          months,
          days: daysBetween(it.askedDate, ctx.today),
        },
        excerpt: `${it.title} 留言时间：${it.askedDate}${it.status ? ` 状态：${it.status}` : ''}`,
        selector: it.selector,
        key: keyOf(it),
      });
    }
  },
});

const slowReply = defineRule({
  id: 'interaction/slow-reply',
  category: 'interaction',
  defaultLevel: 'warn',
  meta: {
    title: { zh: '留言回复超时', en: 'Slow reply' },
    description: '回复日期与留言日期相隔超过规定的工作日数（默认 5 个工作日，不含周六周日；节假日与调休上班日可在选项中列出）。',
    reference: '各地政务咨询办理规范（多为 5 个工作日）；《政府网站发展指引》（国办发〔2017〕47号）互动交流',
    messages: {
      slow: {
        zh: '留言“{title}”{asked} 提交，{replied} 回复，用时 {workdays} 个工作日，超过 {limit} 个工作日的时限',
        en: 'Message "{title}" sent {asked}, answered {replied}: {workdays} working days, over the {limit}-day limit',
      },
    },
  },
  defaultOptions: {
    maxWorkingDays: 5,
    /** Public holidays (ISO dates) that are not working days. */
    holidays: [] as string[],
    /** Weekend days that are working days (调休上班). */
    makeUpWorkdays: [] as string[],
  },
  check(model, ctx) {
    const limit = Number(ctx.options.maxWorkingDays) || 5;
    for (const it of model.interaction) {
      if (!it.askedDate || !it.repliedDate || it.repliedDate < it.askedDate) continue;
      const n = workingDaysBetween(it.askedDate, it.repliedDate, ctx.options.holidays ?? [], ctx.options.makeUpWorkdays ?? []);
      if (n <= limit) continue;
      ctx.report({
        messageId: 'slow',
        data: { title: it.title || '（无标题）', asked: it.askedDate, replied: it.repliedDate, workdays: n, limit },
        excerpt: `${it.title} 留言时间：${it.askedDate} 回复时间：${it.repliedDate}`,
        selector: it.selector,
        key: keyOf(it),
      });
    }
  },
});

export const interactionRules = [unanswered, slowReply];
