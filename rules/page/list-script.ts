/**
 * Lists a script fills: in the page as served, the column list is an empty container that an
 * inline script writes into (`$("#list").append(…)` after an ajax call), or a client-side
 * template whose placeholders ({{ item.title }}) show as text. Such a list is unknown, not empty.
 */
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import words from '../dicts/listing-words.json';
import { INVISIBLE_TAGS, visibleText as textOf } from './regions';
import { isElement } from './selector';
import { docIndex } from './doc-index';

/** A template placeholder shown as text ({{item.title}}, ${title}, <%= title %>). */
export const TEMPLATE = new RegExp(words.templatePlaceholder);
const FILL_VERB = new RegExp(words.scriptFillVerbs);

/**
 * The container a script fills with the column's items: template placeholders shown as text, or
 * an empty list element (ul, tbody, div …) that an inline script names (`$("#list").append(…)`,
 * `getElementById('list').innerHTML = …`) and fills.
 */
export function scriptFilledList($: CheerioAPI, body: Element, excluded: (el: Element) => boolean): Element | null {
  const scripts = docIndex($).tag('script')
    .filter((s) => !s.attribs.src)
    .map((s) => $(s).text())
    .join('\n');
  let found: Element | null = null;
  const walk = (n: AnyNode) => {
    if (found) return;
    if (n.type === 'text') {
      if (TEMPLATE.test((n as unknown as { data: string }).data) && isElement(n.parent)) found = n.parent;
      return;
    }
    if (!isElement(n) || INVISIBLE_TAGS.has(n.name) || excluded(n)) return;
    if (FILLABLE.has(n.name) && isBlank(n) && namedIn(n, scripts)) {
      found = n;
      return;
    }
    for (const c of n.children) walk(c);
  };
  if (FILL_VERB.test(scripts) || /\{\{/.test(textOf(body))) walk(body);
  return found;
}

const FILLABLE = new Set(['ul', 'ol', 'tbody', 'table', 'dl', 'div', 'section']);

function isBlank(el: Element): boolean {
  return el.children.every((c) => c.type === 'comment' || (c.type === 'text' && !(c as unknown as { data: string }).data.trim()));
}

/** The script names the element by its id (#list, 'list') or class (.list) and fills something. */
function namedIn(el: Element, scripts: string): boolean {
  if (!FILL_VERB.test(scripts)) return false;
  const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const id = el.attribs.id?.trim();
  if (id && new RegExp(`["'#]${esc(id)}["'\\s.)\\]]`).test(scripts)) return true;
  return (el.attribs.class ?? '')
    .split(/\s+/)
    .filter((c) => c.length >= 3)
    .some((c) => new RegExp(`["'\\s]\\.${esc(c)}["'\\s.)\\]]`).test(scripts));
}

