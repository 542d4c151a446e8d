/**
 * Nesting as deep as a browser keeps it. Chromium's HTML parser stops nesting at depth 512
 * (elements deeper than that become siblings at that depth), so a rendered page never has more;
 * a file can (100k nested <div>, or unclosed <div><span> runs), and the recursive walks of
 * cheerio and domutils (`.text()`, descendant selectors) overflow the stack or turn quadratic on
 * it. The tree is capped while it is built (parse.ts feeds this handler), so the CLI never holds
 * more nesting than the extension's snapshot, every walk stays linear, and no deep tree is ever
 * made and undone.
 */
import { DomHandler } from 'domhandler';

/** Blink's kMaximumHTMLParserDOMTreeDepth. */
export const MAX_DEPTH = 512;

/**
 * domhandler's tree builder, except that the start and end tags of elements past depth `max` (the
 * document is depth 0) are dropped and what they held, text above all, goes to the element at depth
 * `max`, in document order. Blink keeps such elements as empty siblings there; dropping them instead
 * keeps a hostile page from becoming one element with 200k children, which every part of extraction
 * would then walk (listing candidates, footer blocks) for nothing: no real page nests that deep, and
 * what a reader could check there, its text, is kept. Above `max` the tree is exactly domhandler's.
 */
export class CappedDomHandler extends DomHandler {
  /** Elements open in the source past the cap: not in the tree. */
  private dropped = 0;

  constructor(private readonly max = MAX_DEPTH) {
    super();
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    // tagStack holds the document and the open elements: its length is the new element's depth.
    if (this.dropped === 0 && this.tagStack.length <= this.max) super.onopentag(name, attribs);
    else this.dropped++;
  }

  override onclosetag(): void {
    // The parser closes what it opened, innermost first: the dropped elements are the innermost.
    if (this.dropped > 0) {
      this.dropped--;
      return;
    }
    // A closed element's children are final: an array grown by push keeps room for 16 more (136
    // bytes on most elements, which have one or two children); a copy is exactly as long. The DOM
    // of the 50 MB fault page: 232 MB → 175 MB.
    const el = this.tagStack[this.tagStack.length - 1];
    el.children = el.children.slice();
    super.onclosetag();
  }
}
