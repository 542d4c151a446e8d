/**
 * parseHtml(html): the page's DOM as cheerio/slim's `load` builds it (htmlparser2 10.1.0's Parser
 * over its Tokenizer, into domhandler), in time linear in the input however deep it nests.
 *
 * Why not htmlparser2's Parser: it keeps the open-element stack with its top at index 0. Every start
 * tag is a `stack.unshift` and every close a `stack.shift` (Parser.js emitOpenTag, onclosetag,
 * closeCurrentTag), each moving the whole stack, and an end tag whose name is not open scans all of
 * it (`stack.indexOf`); the foreign-content stack (svg, math) works the same way. So each tag costs
 * the current depth: 100k unclosed <div><span> took 10 s to parse, 200k over a minute. Here both stacks have their
 * top at the end (push/pop), a count per open name says whether an end tag matches before any scan,
 * and a scan pops everything it passes: every tag is pushed and popped once.
 *
 * The tree-building rules below (implied closes, void elements, `</p>` and `</br>` without a start,
 * self-closing only in foreign content, declarations, comments, CDATA as a comment) are Parser.js's,
 * in HTML mode with cheerio's defaults (entities decoded, names lower-cased). tests/unit/page/
 * parse.test.ts checks the tree equals htmlparser2's on every fixture page and on broken HTML.
 * Tags deeper than MAX_DEPTH are dropped as the tree is built, their text kept (depth.ts).
 */
import { load, type CheerioAPI } from 'cheerio/slim';
import type { Document } from 'domhandler';
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import { CappedDomHandler, MAX_DEPTH } from './depth';

/** The page as a cheerio document, its depth capped at MAX_DEPTH. */
export function parseHtml(html: string, maxDepth = MAX_DEPTH): CheerioAPI {
  return load(parseDocumentCapped(html, maxDepth));
}

/** The domhandler Document for `html`, built in linear time, nested at most `maxDepth` deep. */
export function parseDocumentCapped(html: string, maxDepth = MAX_DEPTH): Document {
  const dom = new CappedDomHandler(maxDepth);
  const builder = new TreeBuilder(html, dom);
  const tokenizer = new Tokenizer({ xmlMode: false, decodeEntities: true }, builder);
  tokenizer.write(html);
  tokenizer.end();
  return dom.root;
}

// Parser.js's tables, as data. A start tag closes the open elements (innermost first) that its entry names.
const P = ['p'];
const FORM = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea'];
const CLOSED_BY: Record<string, string[]> = {
  tr: ['tr', 'th', 'td'], th: ['th'], td: ['thead', 'th', 'td'], body: ['head', 'link', 'script'], li: ['li'],
  p: P, h1: P, h2: P, h3: P, h4: P, h5: P, h6: P,
  select: FORM, input: FORM, output: FORM, button: FORM, datalist: FORM, textarea: FORM,
  option: ['option'], optgroup: ['optgroup', 'option'], dd: ['dd', 'dt'], dt: ['dd', 'dt'],
  address: P, article: P, aside: P, blockquote: P, details: P, div: P, dl: P, fieldset: P, figcaption: P, figure: P,
  footer: P, form: P, header: P, hr: P, main: P, nav: P, ol: P, pre: P, section: P, table: P, ul: P,
  rt: ['rt', 'rp'], rp: ['rt', 'rp'], tbody: ['thead', 'tbody'], tfoot: ['thead', 'tbody'],
};
const IMPLIES_CLOSE = new Map(Object.entries(CLOSED_BY).map(([k, v]) => [k, new Set(v)]));
const VOID = new Set('area base basefont br col command embed frame hr img input isindex keygen link meta param source track wbr'.split(' '));
/** Start foreign content: self-closing tags close inside them. */
const FOREIGN = new Set(['math', 'svg']);
/** Back to HTML inside foreign content. */
const HTML_INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);
/** Where the name of `<!doctype html>` or `<?xml …?>` ends. */
const NAME_END = /\s|\//;

class TreeBuilder implements TokenizerCallbacks {
  /** Names of the open elements, innermost last. */
  private readonly open: string[] = [];
  /** How many of each name are in `open`: an end tag for a name not open costs nothing. */
  private readonly openCount = new Map<string, number>();
  /** Foreign-content flags (inside svg/math, self-closing tags close), innermost last. */
  private readonly foreign: boolean[] = [false];
  private tagname = '';
  private attribname = '';
  private attribvalue = '';
  private attribs: Record<string, string> | null = null;

  constructor(
    private readonly html: string,
    private readonly dom: CappedDomHandler,
  ) {}

  private slice(start: number, end: number): string {
    return this.html.slice(start, end);
  }

  private push(name: string): void {
    this.open.push(name);
    this.openCount.set(name, (this.openCount.get(name) ?? 0) + 1);
  }

  /** Closes the innermost open element. */
  private pop(): void {
    const name = this.open.pop()!;
    this.openCount.set(name, this.openCount.get(name)! - 1);
    this.dom.onclosetag();
  }

  ontext(start: number, end: number): void {
    this.dom.ontext(this.slice(start, end));
  }

  ontextentity(cp: number): void {
    this.dom.ontext(String.fromCodePoint(cp));
  }

  onopentagname(start: number, end: number): void {
    this.emitOpenTag(this.slice(start, end).toLowerCase());
  }

  private emitOpenTag(name: string): void {
    this.tagname = name;
    const implied = IMPLIES_CLOSE.get(name);
    if (implied) while (this.open.length > 0 && implied.has(this.open[this.open.length - 1])) this.pop();
    if (!VOID.has(name)) {
      this.push(name);
      if (FOREIGN.has(name)) this.foreign.push(true);
      else if (HTML_INTEGRATION.has(name)) this.foreign.push(false);
    }
    this.attribs = {};
  }

  private endOpenTag(): void {
    if (this.attribs) {
      this.dom.onopentag(this.tagname, this.attribs);
      this.attribs = null;
    }
    if (VOID.has(this.tagname)) this.dom.onclosetag();
    this.tagname = '';
  }

  onopentagend(): void {
    this.endOpenTag();
  }

  onclosetag(start: number, end: number): void {
    const name = this.slice(start, end).toLowerCase();
    if (FOREIGN.has(name) || HTML_INTEGRATION.has(name)) this.foreign.pop();
    if (!VOID.has(name)) {
      if ((this.openCount.get(name) ?? 0) > 0) {
        while (this.open[this.open.length - 1] !== name) this.pop();
        this.pop();
      } else if (name === 'p') {
        // `</p>` with no <p> open: an empty paragraph, as browsers make.
        this.emitOpenTag('p');
        this.closeCurrentTag();
      }
    } else if (name === 'br') {
      // `</br>` is a <br>.
      this.dom.onopentag('br', {});
      this.dom.onclosetag();
    }
  }

  onselfclosingtag(): void {
    if (this.foreign[this.foreign.length - 1]) this.closeCurrentTag();
    else this.endOpenTag();
  }

  private closeCurrentTag(): void {
    const name = this.tagname;
    this.endOpenTag();
    // A self-closed element is the innermost one.
    if (this.open[this.open.length - 1] === name) this.pop();
  }

  onattribname(start: number, end: number): void {
    this.attribname = this.slice(start, end).toLowerCase();
  }

  onattribdata(start: number, end: number): void {
    this.attribvalue += this.slice(start, end);
  }

  onattribentity(cp: number): void {
    this.attribvalue += String.fromCodePoint(cp);
  }

  onattribend(): void {
    // The first of two same-named attributes wins, as in browsers.
    if (this.attribs && !Object.prototype.hasOwnProperty.call(this.attribs, this.attribname)) this.attribs[this.attribname] = this.attribvalue;
    this.attribvalue = '';
  }

  private instructionName(value: string): string {
    const i = value.search(NAME_END);
    return (i < 0 ? value : value.slice(0, i)).toLowerCase();
  }

  ondeclaration(start: number, end: number): void {
    const value = this.slice(start, end);
    this.dom.onprocessinginstruction(`!${this.instructionName(value)}`, `!${value}`);
  }

  onprocessinginstruction(start: number, end: number): void {
    const value = this.slice(start, end);
    this.dom.onprocessinginstruction(`?${this.instructionName(value)}`, `?${value}`);
  }

  oncomment(start: number, end: number, offset: number): void {
    this.dom.oncomment(this.slice(start, end - offset));
    this.dom.oncommentend();
  }

  oncdata(start: number, end: number, offset: number): void {
    // HTML mode without recognizeCDATA (cheerio's default): CDATA is a comment.
    this.dom.oncomment(`[CDATA[${this.slice(start, end - offset)}]]`);
    this.dom.oncommentend();
  }

  onend(): void {
    while (this.open.length > 0) this.pop();
    this.dom.onend();
  }
}
