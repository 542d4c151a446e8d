/**
 * Highlights without the CSS Custom Highlight API: a box over each line rectangle of each range
 * (Range.getClientRects), in document coordinates, inside a shadow root on a host that takes no
 * clicks — the page's own elements are not touched and the page's styles cannot reach the boxes.
 * Boxes are placed again when the window is resized (text reflows).
 */
import type { Level } from '../../rules/types';

const HOST = 'govlint-marks';

/** The marks' colours, one table for both ways of drawing: a fill, and an underline for what needs fixing. */
export const PALETTE: Record<Level | 'flash', { fill: string; line?: string }> = {
  error: { fill: 'rgba(217,48,37,.28)', line: '#d93025' },
  warn: { fill: 'rgba(227,116,0,.25)', line: '#e37400' },
  info: { fill: 'rgba(26,115,232,.18)' },
  flash: { fill: 'rgba(255,235,59,.85)' },
};
const boxStyle = (level: Level | 'flash') => `background:${PALETTE[level].fill};${PALETTE[level].line ? `border-bottom:2px solid ${PALETTE[level].line}` : ''}`;

let drawn: { level: Level | 'flash'; range: Range }[] = [];
let root: ShadowRoot | null = null;
let listening = false;

function ensureLayer(): ShadowRoot {
  let host = document.querySelector(HOST) as HTMLElement | null;
  if (!host) {
    host = document.createElement(HOST);
    host.style.cssText = 'position:absolute;left:0;top:0;width:0;height:0;pointer-events:none;z-index:2147483645;';
    host.attachShadow({ mode: 'open' });
    document.documentElement.appendChild(host);
  }
  // Once per page, however often the layer is removed and made again.
  if (!listening) {
    listening = true;
    window.addEventListener('resize', () => requestAnimationFrame(paint));
  }
  root = host.shadowRoot!;
  return root;
}

function paint() {
  if (!root) return;
  const frag = document.createDocumentFragment();
  for (const { level, range } of drawn)
    for (const r of range.getClientRects()) {
      if (r.width === 0 || r.height === 0) continue;
      const box = document.createElement('div');
      box.className = `govlint-box ${level}`;
      box.style.cssText = `position:absolute;left:${r.left + scrollX}px;top:${r.top + scrollY}px;width:${r.width}px;height:${r.height}px;${boxStyle(level)}`;
      frag.appendChild(box);
    }
  root.replaceChildren(frag);
}

export function drawBoxes(byLevel: Record<Level, Range[]>) {
  ensureLayer();
  drawn = (Object.keys(byLevel) as Level[]).flatMap((level) => byLevel[level].map((range) => ({ level, range })));
  paint();
}

export function clearBoxes() {
  drawn = [];
  document.querySelector(HOST)?.remove();
  root = null;
}

export function flashBoxes(range: Range) {
  ensureLayer();
  const flash = { level: 'flash' as const, range };
  drawn.push(flash);
  // After the smooth scroll has moved the page: boxes are in document coordinates, so once is enough.
  paint();
  setTimeout(() => {
    drawn = drawn.filter((d) => d !== flash);
    paint();
  }, 1600);
}
