import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import {
  DEFECT_KINDS,
  TYPO_PAIRS,
  gb11643CheckChar,
  isValidGb11643,
  loadCleanCorpus,
  luhnCheckDigit,
  passesLuhn,
  plantDefects,
  type Planted,
} from '../../eval/plant';

// Independent formulations, so a wrong table in plant.ts cannot hide behind itself:
// ISO 7064 MOD 11-2 (GB 11643): Σ a_i·2^(17−i) over all 18 characters, X = 10, must be ≡ 1 (mod 11).
function mod112Valid(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 18; i++) sum += (id[i] === 'X' ? 10 : Number(id[i])) * (2 ** (17 - i) % 11);
  return sum % 11 === 1;
}
// Luhn: double every second digit from the right, total must end in 0.
function luhnValid(num: string): boolean {
  const digits = [...num].reverse().map(Number);
  const sum = digits.reduce((acc, d, i) => acc + (i % 2 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d), 0);
  return sum % 10 === 0;
}

const corpus = loadCleanCorpus();
const cases = plantDefects(corpus);
const sourceOf = new Map(corpus.map((c) => [c.name, c.text]));
const byKind = (k: string): Planted[] => cases.filter((c) => c.ruleId === k);

describe('check digits', () => {
  it('computes the GB 11643 check character (standard example 11010519491231002X)', () => {
    expect(gb11643CheckChar('11010519491231002')).toBe('X');
    expect(isValidGb11643('11010519491231002X')).toBe(true);
    expect(isValidGb11643('110105194912310021')).toBe(false);
    expect(isValidGb11643('5301**********1234')).toBe(false);
    expect(gb11643CheckChar('44052418800101001')).toBe('4');
    // Every check character agrees with the MOD 11-2 definition.
    for (let n = 0; n < 300; n++) {
      const body = String(11010519491231000n + BigInt(n * 7919)).padStart(17, '0');
      expect(mod112Valid(body + gb11643CheckChar(body)), body).toBe(true);
    }
  });

  it('computes the Luhn check digit', () => {
    expect(luhnCheckDigit('7992739871')).toBe('3');
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
    for (let n = 0; n < 300; n++) {
      const body = String(622202000000000n + BigInt(n * 104729));
      expect(luhnValid(body + luhnCheckDigit(body)), body).toBe(true);
    }
  });
});

describe('clean corpus', () => {
  it('has at least 36 texts of 500–2000 characters, 40,000 characters in all', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(36);
    let total = 0;
    for (const { name, text } of corpus) {
      const chars = text.replace(/\s/g, '').length;
      total += chars;
      expect(chars, name).toBeGreaterThanOrEqual(500);
      expect(text.length, name).toBeLessThanOrEqual(2000);
      const title = text.split('\n')[0]!;
      expect(title.length, name).toBeGreaterThan(4);
      expect(title, name).not.toMatch(/[。，]$/);
    }
    expect(total).toBeGreaterThanOrEqual(40000);
  });

  it('carries none of the defects the planter plants', () => {
    const t2s = OpenCC.Converter({ from: 'tw', to: 'cn' });
    for (const { name, text } of corpus) {
      expect(t2s(text), `${name}: traditional characters`).toBe(text);
      expect(text, name).not.toMatch(/\uFFFD|锟斤拷|烫烫|\?\?|20[xX]{2}|201[xX]|[Xx]月[Xx]日|××|中华人民共合国|攻府/);
      expect(text.replace(/xxgk@/g, ''), name).not.toMatch(/xx|XX/);
      expect(text.replace(/台湾当局/g, ''), name).not.toContain('当局');
      expect(text, `${name}: pinyin`).not.toMatch(/[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/);
      expect(text, `${name}: unmasked long number`).not.toMatch(/\d{11,}/);
      expect(text, `${name}: half-width punctuation`).not.toMatch(/\p{Script=Han}[,;:()]|[,;:()]\p{Script=Han}/u);
      for (const [i, line] of text.split('\n').entries()) {
        for (const [o, c] of [['《', '》'], ['“', '”'], ['（', '）'], ['〔', '〕'], ['【', '】']] as const) {
          expect(line.split(o).length, `${name}:${i + 1} ${o}${c}`).toBe(line.split(c).length);
        }
      }
      for (const p of TYPO_PAIRS) {
        if (p.right === '截至') continue; // 截止 is also a right word (报名截止日期)
        expect(text.includes(p.wrong), `${name}: ${p.wrong}`).toBe(false);
      }
    }
  });
});

describe('plantDefects', () => {
  it('is deterministic for a seed and changes with the seed', () => {
    expect(plantDefects(corpus)).toEqual(cases);
    expect(plantDefects(corpus, 20240305)).toEqual(cases);
    // Input order does not matter: choices are keyed by text name.
    const reversed = plantDefects([...corpus].reverse());
    const key = (p: Planted) => p.name;
    expect([...reversed].sort((a, b) => key(a).localeCompare(key(b)))).toEqual([...cases].sort((a, b) => key(a).localeCompare(key(b))));
    const other = plantDefects(corpus, 7);
    expect(other.map((c) => c.text)).not.toEqual(cases.map((c) => c.text));
  });

  it('produces at least 400 cases covering every kind', () => {
    expect(cases.length).toBeGreaterThanOrEqual(400);
    expect(new Set(DEFECT_KINDS).size).toBe(DEFECT_KINDS.length);
    for (const k of DEFECT_KINDS) expect(byKind(k).length, k).toBeGreaterThanOrEqual(30);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it('plants exactly one local change per text, where it says', () => {
    for (const c of cases) {
      const src = sourceOf.get(c.source)!;
      expect(c.text, c.name).not.toBe(src);
      expect(c.text.slice(c.position, c.position + c.planted.length), c.name).toBe(c.planted);
      expect(c.position, `${c.name}: not in the title`).toBeGreaterThan(src.indexOf('\n'));
      // The edit is one contiguous region close to `position`.
      let pre = 0;
      while (pre < src.length && src[pre] === c.text[pre]) pre++;
      let suf = 0;
      while (suf < src.length - pre && src[src.length - 1 - suf] === c.text[c.text.length - 1 - suf]) suf++;
      const changedEnd = c.text.length - suf;
      expect(pre, c.name).toBeGreaterThanOrEqual(c.position - 60);
      expect(changedEnd, c.name).toBeLessThanOrEqual(c.position + c.planted.length + 200);
    }
  });

  it('plants defect strings the source does not already contain', () => {
    const fresh = ['text/typo', 'text/serious-error', 'text/placeholder', 'text/garbled', 'text/pinyin-residue', 'text/outdated-term', 'privacy/id-number', 'privacy/phone', 'privacy/bank-card'];
    for (const c of cases.filter((x) => fresh.includes(x.ruleId))) {
      const src = sourceOf.get(c.source)!;
      if (c.ruleId === 'text/typo' && c.planted === '截止') {
        expect(c.text.slice(c.position + 2), c.name).toMatch(/^(\d|目前)/);
        continue;
      }
      expect(src.includes(c.planted), c.name).toBe(false);
    }
  });

  it('plants typos from the pair list with the right form as expected suggestion', () => {
    const pairs = new Map(TYPO_PAIRS.map((p) => [p.wrong, p.right]));
    const typos = byKind('text/typo');
    for (const c of typos) expect(c.expected, c.name).toBe(pairs.get(c.planted));
    // Spread over the list, not a handful of pairs.
    expect(new Set(typos.map((c) => c.planted)).size).toBeGreaterThanOrEqual(25);
    // The spun-text substitutions of seed 002 are among them.
    for (const w of ['树立健全', '紧张议事日程', '富厚', '根基性', '立异']) expect(pairs.has(w)).toBe(true);
  });

  it('plants ID numbers that pass GB 11643 with a real birth date', () => {
    const ids = byKind('privacy/id-number');
    for (const c of ids) {
      expect(mod112Valid(c.planted), c.planted).toBe(true);
      const y = Number(c.planted.slice(6, 10));
      const m = Number(c.planted.slice(10, 12));
      const d = Number(c.planted.slice(12, 14));
      const date = new Date(Date.UTC(y, m - 1, d));
      expect(date.getUTCMonth() + 1, c.planted).toBe(m);
      expect(y).toBeGreaterThanOrEqual(1950);
      expect(luhnValid(c.planted), `${c.planted} would also read as a bank card`).toBe(false);
      // Not glued to other digits, so a rule sees exactly 18 characters.
      expect(c.text[c.position - 1] ?? '', c.name).not.toMatch(/\d/);
      expect(c.text[c.position + 18] ?? '', c.name).not.toMatch(/[\dX]/);
    }
  });

  it('plants bank cards of 16–19 digits passing Luhn, and unmasked mobiles', () => {
    const cards = byKind('privacy/bank-card');
    for (const c of cards) {
      expect(c.planted).toMatch(/^\d{16,19}$/);
      expect(luhnValid(c.planted), c.planted).toBe(true);
      expect(mod112Valid(c.planted)).toBe(false);
    }
    expect(new Set(cards.map((c) => c.planted.length)).size).toBeGreaterThanOrEqual(3);
    for (const c of byKind('privacy/phone')) {
      expect(c.planted).toMatch(/^1[3-9]\d{9}$/);
      expect(c.text[c.position + 11] ?? '', c.name).not.toMatch(/\d/);
    }
  });

  it('plants traditional spans of at least 5 converted characters, and real mojibake', () => {
    for (const c of byKind('text/mixed-script')) {
      const src = sourceOf.get(c.source)!;
      const orig = src.slice(c.position, c.position + c.planted.length);
      let changed = 0;
      for (let i = 0; i < orig.length; i++) if (orig[i] !== c.planted[i]) changed++;
      expect(changed, c.name).toBeGreaterThanOrEqual(5);
    }
    // UTF-8 bytes of a word read as GBK, as iconv-lite decodes them (发布 → 鍙戝竷).
    const gbk = byKind('text/garbled').filter((c) => c.variant.startsWith('gbk'));
    expect(gbk.length).toBeGreaterThan(3);
    for (const c of gbk) {
      const word = c.variant.split(' ')[2]!.split('→')[0]!;
      expect(sourceOf.get(c.source)!.slice(c.position, c.position + word.length)).toBe(word);
      expect(iconv.decode(Buffer.from(word, 'utf8'), 'gbk')).toBe(c.planted);
    }
  });

  it('plants unbalanced brackets by dropping a closer of a pair on the same line', () => {
    for (const c of byKind('text/unbalanced')) {
      const opener = c.planted[0]!;
      expect('《“（'.includes(opener), c.name).toBe(true);
      const closer = { '《': '》', '“': '”', '（': '）' }[opener]!;
      expect(c.planted.includes(closer), c.name).toBe(false);
      expect(c.text.length, c.name).toBe(sourceOf.get(c.source)!.length - 1);
    }
  });

  it('plants repeated text: a doubled function word or a clause said twice', () => {
    for (const c of byKind('text/repeated')) {
      const src = sourceOf.get(c.source)!;
      if (c.planted === '的的' || c.planted === '了了') {
        expect(c.text.length, c.name).toBe(src.length + 1);
        expect(src.slice(c.position, c.position + 2), c.name).not.toBe(c.planted);
      } else {
        expect(c.planted.endsWith('，'), c.name).toBe(true);
        expect(c.text.slice(c.position - c.planted.length, c.position), c.name).toBe(c.planted);
      }
    }
  });
});
