/**
 * 留言/咨询 messages with their replies, from the two layouts interaction columns use:
 *
 * 1. Lists with a header row (`<tr><th>标题</th><th>留言时间</th><th>回复时间</th><th>状态</th>`,
 *    or the same as spans in `li`/`div` rows): columns are found by their header labels.
 * 2. Labelled blocks (`留言时间：2026-07-01 … 回复时间：2026-07-03`): a detail page shows one
 *    message and its reply block; some lists repeat such a block per message.
 *
 * A list that shows neither a reply date nor a status says nothing about replies, so its rows
 * are left out (the rules could only guess). On a detail page the message is shown, so a page
 * with no reply block at all is a message without a reply. Everything else gets [].
 */
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { InteractionItem } from '../types';
import words from '../dicts/interaction-words.json';
import { linkTarget } from './chrome';
import { findFullDates } from './list-dates';
import { INVISIBLE_TAGS, isChromeByName, isChromeByTag, isFooterLike } from './regions';
import { isElement, makeSelectorFn } from './selector';
import { normalizeSpace, stripSpace } from './text';
import { docIndex } from './doc-index';

const ASKED = new Set(words.askedLabels);
const REPLIED = new Set(words.repliedLabels);
const STATUS_LABELS = new Set(words.statusLabels);
const TITLE_LABELS = new Set(words.titleLabels);
const STATUS_WORDS = new Set([...words.answeredStatus, ...words.pendingStatus]);
const alt = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length).join('|');
const LABEL_VALUE = (labels: string[]) => new RegExp(`(?:${alt(labels)})\\s*[：:]?\\s*`, 'g');
const ASKED_RE = LABEL_VALUE(words.askedLabels);
const REPLIED_RE = LABEL_VALUE(words.repliedLabels);
const STATUS_RE = new RegExp(`(?:${alt(words.statusLabels)})\\s*[：:]\\s*(${alt([...STATUS_WORDS])})`);
const TITLE_RE = new RegExp(`^(?:${alt(words.titleLabels)})\\s*([：:])?\\s*(.*)$`);
const REPLY_CONTENT_RE = new RegExp(`(?:${alt(words.replyContentLabels)})\\s*[：:]?\\s*`);
const NOT_CHROME_TAGS = new Set(['form', 'button', 'select']);
/**
 * A lone "X时间：date" is a message page only with another mark of one (a sender, a status, a
 * reply, a message-title label): a notice saying 咨询时间：2026年3月1日 is not a message.
 */
const SIGN_LABELS = alt([...words.senderLabels, ...words.statusLabels, ...words.repliedLabels, ...words.replyContentLabels, ...words.titleLabels.filter((l) => l.length > 2)]);
// A label followed by a colon, or standing alone in its cell (pieces are joined by spaces).
const MESSAGE_SIGN = new RegExp(`(?:^|\\s)(?:${SIGN_LABELS})(?:\\s*[：:]|(?=\\s|$))`);

export function extractInteraction($: CheerioAPI, baseUrl: string): InteractionItem[] {
  const body = docIndex($).body;
  if (!body) return [];
  // Both layouts need a 留言时间-like label somewhere: most pages have none, and then nothing else is read.
  const flat = stripSpace($(body).text());
  if (!words.askedLabels.some((l) => flat.includes(l))) return [];
  const selectorOf = makeSelectorFn($);
  const excluded = (el: Element) => (isChromeByTag(el) && !NOT_CHROME_TAGS.has(el.name)) || isChromeByName(el) || isFooterLike(el);
  const fromTable = readHeaderRowLists(body, baseUrl, excluded, selectorOf);
  if (fromTable.length > 0) return fromTable;
  return readLabelledBlocks($, body, baseUrl, excluded, selectorOf);
}

function textOf(n: AnyNode): string {
  if (n.type === 'text') return (n as unknown as { data: string }).data;
  if (!isElement(n) || INVISIBLE_TAGS.has(n.name)) return '';
  return n.children.map(textOf).join(' ');
}

const label = (el: Element) => stripSpace(textOf(el)).replace(/[：:]$/, '');

function firstDate(text: string): string | null {
  return findFullDates(text).find((d) => d.iso)?.iso ?? null;
}

/** Longest link text in an element, with its href. */
function titleLink(el: Element, base: string): { title: string; href: string | null } | null {
  let best: { title: string; href: string | null } | null = null;
  const walk = (n: AnyNode) => {
    if (!isElement(n) || INVISIBLE_TAGS.has(n.name)) return;
    if (n.name === 'a' && linkTarget(n.attribs.href, base)) {
      const t = normalizeSpace(n.attribs.title && /(?:\.{2,}|…)$/.test(normalizeSpace(textOf(n))) ? n.attribs.title : textOf(n));
      if (!best || t.length > best.title.length) best = { title: t, href: linkTarget(n.attribs.href, base) };
      return;
    }
    n.children.forEach(walk);
  };
  walk(el);
  return best;
}

function readHeaderRowLists(body: Element, base: string, excluded: (el: Element) => boolean, selectorOf: (el: Element) => string): InteractionItem[] {
  const out: InteractionItem[] = [];
  const visit = (el: Element) => {
    if (INVISIBLE_TAGS.has(el.name) || excluded(el)) return;
    const cells = el.children.filter(isElement);
    if (cells.length >= 2 && cells.length <= 12) {
      const names = cells.map(label);
      const asked = names.findIndex((n) => ASKED.has(n));
      if (asked >= 0 && names.every((n) => n.length <= 10)) {
        const replied = names.findIndex((n) => REPLIED.has(n));
        const status = names.findIndex((n) => STATUS_LABELS.has(n));
        const title = names.findIndex((n) => TITLE_LABELS.has(n));
        if (replied >= 0 || status >= 0) {
          for (const row of rowsAfter(el)) {
            const rc = row.children.filter(isElement);
            if (rc.length < cells.length - 1) continue;
            const link = titleLink(row, base);
            const titleText = link?.title || (title >= 0 && rc[title] ? normalizeSpace(textOf(rc[title])) : '');
            const askedDate = rc[asked] ? firstDate(textOf(rc[asked])) : null;
            if (!askedDate && !titleText) continue;
            const st = status >= 0 && rc[status] ? normalizeSpace(textOf(rc[status])) : '';
            out.push({
              title: titleText,
              href: link?.href ?? null,
              askedDate,
              repliedDate: replied >= 0 && rc[replied] ? firstDate(textOf(rc[replied])) : null,
              status: st || null,
              selector: selectorOf(row),
            });
          }
          return;
        }
      }
    }
    for (const c of cells) visit(c);
  };
  visit(body);
  return out;
}

/** Rows below a header row: its later siblings of the same tag, or the body rows of its table. */
function rowsAfter(head: Element): Element[] {
  const parent = head.parent as Element | null;
  if (!parent) return [];
  const rows: Element[] = [];
  if (parent.name === 'thead' && isElement(parent.parent)) {
    for (const sec of parent.parent.children)
      if (isElement(sec) && (sec.name === 'tbody' || sec.name === 'tr')) {
        if (sec.name === 'tr') rows.push(sec);
        else for (const c of sec.children) if (isElement(c) && c.name === 'tr') rows.push(c);
      }
    return rows;
  }
  let seen = false;
  for (const c of parent.children) {
    if (c === head) seen = true;
    else if (seen && isElement(c) && c.name === head.name) rows.push(c);
  }
  return rows;
}

interface Piece {
  node: AnyNode;
  text: string;
  start: number;
}

function readLabelledBlocks(
  $: CheerioAPI,
  body: Element,
  base: string,
  excluded: (el: Element) => boolean,
  selectorOf: (el: Element) => string,
): InteractionItem[] {
  // The page's visible text as one string, pieces joined by a space, with each piece's offset.
  const pieces: Piece[] = [];
  let joined = '';
  const walk = (n: AnyNode) => {
    if (n.type === 'text') {
      const t = normalizeSpace((n as unknown as { data: string }).data);
      if (t) {
        pieces.push({ node: n, text: t, start: joined.length });
        joined += t + ' ';
      }
      return;
    }
    if (!isElement(n) || INVISIBLE_TAGS.has(n.name) || excluded(n)) return;
    n.children.forEach(walk);
  };
  walk(body);
  const pieceAt = (offset: number) => {
    let lo = 0;
    let hi = pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (pieces[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  // Every "留言时间：<date>" on the page.
  const asks: { piece: number; iso: string }[] = [];
  ASKED_RE.lastIndex = 0;
  for (let m = ASKED_RE.exec(joined); m; m = ASKED_RE.exec(joined)) {
    const d = findFullDates(joined.slice(m.index + m[0].length, m.index + m[0].length + 30))[0];
    if (d && d.index === 0 && d.iso) asks.push({ piece: pieceAt(m.index), iso: d.iso });
  }
  if (asks.length === 0) return [];

  const index = new Map(pieces.map((p, i) => [p.node, i]));
  const rangeOf = (el: Element): [number, number] => {
    let lo = Infinity;
    let hi = -1;
    const w = (n: AnyNode) => {
      const i = index.get(n);
      if (i !== undefined) {
        lo = Math.min(lo, i);
        hi = Math.max(hi, i);
      }
      if (isElement(n)) n.children.forEach(w);
    };
    w(el);
    return [lo, hi];
  };
  const detail = asks.length === 1;
  if (detail && !MESSAGE_SIGN.test(joined.replace(ASKED_RE, ' '))) return [];
  const items: InteractionItem[] = [];
  let anyReplyInfo = false;
  for (const ask of asks) {
    // The message's block: the largest ancestor holding no other message's date label.
    let el = pieces[ask.piece].node.parent as Element;
    for (;;) {
      const p = el.parent as Element | null;
      if (!p || !isElement(p) || p === body.parent) break;
      const [lo, hi] = rangeOf(p);
      if (asks.some((a) => a !== ask && a.piece >= lo && a.piece <= hi)) break;
      el = p;
      if (p === body) break;
    }
    const [lo, hi] = rangeOf(el);
    const block = pieces.slice(lo, hi + 1);
    const text = block.map((p) => p.text).join(' ');
    let repliedDate: string | null = null;
    REPLIED_RE.lastIndex = 0;
    for (let m = REPLIED_RE.exec(text); m && !repliedDate; m = REPLIED_RE.exec(text)) {
      const d = findFullDates(text.slice(m.index + m[0].length, m.index + m[0].length + 30))[0];
      if (d && d.index === 0) repliedDate = d.iso;
    }
    let status: string | null = STATUS_RE.exec(text)?.[1] ?? block.find((p) => STATUS_WORDS.has(p.text))?.text ?? null;
    const reply = REPLY_CONTENT_RE.exec(text);
    if (!repliedDate && reply) {
      // A reply shown without a 回复时间 label: take a date written in the reply block, else
      // mark it answered (the text is there) so that it is never reported as unanswered.
      const after = text.slice(reply.index + reply[0].length);
      const dated = findFullDates(after).find((d) => d.iso && d.iso >= ask.iso);
      if (dated) repliedDate = dated.iso;
      else if (after.replace(/\s+/g, '').length >= 10 && !status) status = '已回复';
    }
    if (repliedDate || status) anyReplyInfo = true;

    let title = '';
    let href: string | null = null;
    for (let i = 0; i < block.length && !title; i++) {
      // 信件标题：… in one piece, or 信件标题 in a cell and the title in the next.
      const m = TITLE_RE.exec(block[i].text);
      if (!m || (!m[1] && m[2])) continue;
      title = m[2] || block[i + 1]?.text || '';
    }
    if (detail) {
      if (!title) title = headingOf(body, excluded) || normalizeSpace($('title').text());
    } else {
      const link = titleLink(el, base);
      if (link) {
        title ||= link.title;
        href = link.href;
      }
    }
    items.push({ title, href, askedDate: ask.iso, repliedDate, status, selector: selectorOf(pieces[ask.piece].node.parent as Element) });
  }
  // A list of messages without any reply information tells nothing about replies.
  if (!detail && !anyReplyInfo) return [];
  return items;
}

/** The first h1, else h2, outside page chrome: a detail page's message title. */
function headingOf(body: Element, excluded: (el: Element) => boolean): string {
  for (const tag of ['h1', 'h2']) {
    let found = '';
    const walk = (n: AnyNode) => {
      if (found || !isElement(n) || INVISIBLE_TAGS.has(n.name) || excluded(n)) return;
      if (n.name === tag) {
        const t = normalizeSpace(textOf(n));
        if (t.length >= 4) found = t;
        return;
      }
      n.children.forEach(walk);
    };
    walk(body);
    if (found) return found;
  }
  return '';
}
