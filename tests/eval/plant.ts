/**
 * Defect planter for the text-rule evaluation (issue 3, item 5 "Precision guard").
 *
 * Takes the correct texts of tests/corpus/clean/ and produces copies that each carry exactly ONE
 * planted defect of a known kind (rule id from RULES.md sections J and K), so `npm run eval` can
 * measure recall per rule: run the engine on `Planted.text` and expect a finding of `ruleId`
 * around `position`.
 *
 * Deterministic: every choice comes from a seeded PRNG keyed by (seed, source name, kind, case
 * number), so the same corpus and seed always give the same cases, whatever the input order.
 *
 * Defects are placed in the body (never in the first line, which is the title), inside or right
 * after a sentence of the clean text, so the context a rule sees is realistic.
 */
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFECT_KINDS = [
  'text/typo',
  'text/serious-error',
  'text/placeholder',
  'text/garbled',
  'text/pinyin-residue',
  'text/mixed-script',
  'text/repeated',
  'text/unbalanced',
  'text/halfwidth-punct',
  'text/outdated-term',
  'privacy/id-number',
  'privacy/phone',
  'privacy/bank-card',
] as const;

export type DefectKind = (typeof DEFECT_KINDS)[number];

export interface SourceText {
  name: string;
  text: string;
}

export interface Planted {
  /** Unique case name: `<source name>#<rule id>#<n>`. */
  name: string;
  /** The source text with one defect planted. */
  text: string;
  ruleId: DefectKind;
  /** The defective string as it appears in `text` (for unbalanced: the unclosed opener and what follows it). */
  planted: string;
  /** Offset of `planted` in `text` (UTF-16 code units, as String.prototype.indexOf). */
  position: number;
  /** Name of the clean source text. */
  source: string;
  /** Short description of what was done, e.g. `replace 安排→按排` (for eval printouts). */
  variant: string;
  /** The correct form, when the rule is expected to suggest one (typo, serious-error, outdated-term). */
  expected?: string;
}

export const DEFAULT_SEED = 20240305;

/* ------------------------------------------------------------------------------------------ */
/* PRNG                                                                                         */
/* ------------------------------------------------------------------------------------------ */

/** FNV-1a, to turn (seed, name, kind) into a 32-bit PRNG seed. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast, good enough for picking cases. */
export function makeRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const randInt = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
function shuffle<T>(rng: Rng, xs: readonly T[]): T[] {
  const a = xs.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/* ------------------------------------------------------------------------------------------ */
/* Check digits                                                                                 */
/* ------------------------------------------------------------------------------------------ */

const GB11643_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const GB11643_CHECK = '10X98765432';

/** GB 11643-1999 check character for the first 17 digits of a 公民身份号码. */
export function gb11643CheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`need 17 digits, got ${first17}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * GB11643_WEIGHTS[i]!;
  return GB11643_CHECK[sum % 11]!;
}

export function isValidGb11643(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && gb11643CheckChar(id.slice(0, 17)) === id[17];
}

/** Luhn check digit to append to `body`. */
export function luhnCheckDigit(body: string): string {
  let sum = 0;
  // Walking from the right of the body, the first digit gets doubled (it will be second from the right).
  for (let i = body.length - 1, dbl = true; i >= 0; i--, dbl = !dbl) {
    let d = Number(body[i]);
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

export function passesLuhn(num: string): boolean {
  return /^\d{2,}$/.test(num) && luhnCheckDigit(num.slice(0, -1)) === num.slice(-1);
}

/* ------------------------------------------------------------------------------------------ */
/* Generators of personal data                                                                  */
/* ------------------------------------------------------------------------------------------ */

// Real administrative division codes (GB/T 2260) so the numbers look like the ones leaked in 通报.
const AREA_CODES = ['530102', '530111', '530324', '532301', '110105', '440305', '510107', '330106', '420106', '610113'];

export function makeIdNumber(rng: Rng): string {
  // An 18-digit ID that also passed Luhn would be a bank-card case too; keep the cases unambiguous.
  for (;;) {
    const id = makeIdCandidate(rng);
    if (!passesLuhn(id)) return id;
  }
}

function makeIdCandidate(rng: Rng): string {
  const year = randInt(rng, 1950, 2004);
  const month = randInt(rng, 1, 12);
  const day = randInt(rng, 1, 28);
  const seq = randInt(rng, 1, 999);
  const first17 =
    pick(rng, AREA_CODES) +
    String(year) +
    String(month).padStart(2, '0') +
    String(day).padStart(2, '0') +
    String(seq).padStart(3, '0');
  return first17 + gb11643CheckChar(first17);
}

export function makeMobile(rng: Rng): string {
  const second = pick(rng, ['3', '5', '7', '8', '9']);
  let rest = '';
  for (let i = 0; i < 9; i++) rest += String(randInt(rng, 0, 9));
  return '1' + second + rest;
}

// Issuer prefixes of cards issued by large Chinese banks (ICBC, CCB, ABC, CMB, BOCOM, PSBC …).
const CARD_PREFIXES = ['622202', '621700', '622848', '621483', '622588', '622700', '623052', '621226'];

export function makeBankCard(rng: Rng): string {
  const length = pick(rng, [16, 16, 19, 19, 17, 18]);
  for (;;) {
    let body = pick(rng, CARD_PREFIXES);
    while (body.length < length - 1) body += String(randInt(rng, 0, 9));
    const card = body + luhnCheckDigit(body);
    // An 18-digit card passing GB 11643 would read as an ID number; draw again.
    if (!isValidGb11643(card)) return card;
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Text helpers                                                                                 */
/* ------------------------------------------------------------------------------------------ */

interface Edit {
  text: string;
  planted: string;
  position: number;
  variant: string;
  expected?: string;
}

const HAN = /\p{Script=Han}/u;
const isHan = (ch: string | undefined): boolean => ch !== undefined && HAN.test(ch);

/** Offset where the body starts (after the title line). */
function bodyStart(text: string): number {
  const nl = text.indexOf('\n');
  return nl < 0 ? text.length : nl + 1;
}

function occurrences(text: string, word: string, from: number): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(word, from); i >= 0; i = text.indexOf(word, i + 1)) out.push(i);
  return out;
}

function replaceAt(text: string, at: number, length: number, by: string): string {
  return text.slice(0, at) + by + text.slice(at + length);
}

/** Offsets right after a sentence-final 。 in the body, where a new sentence can be inserted. */
function sentenceSlots(text: string): number[] {
  const out: number[] = [];
  for (let i = bodyStart(text); i < text.length; i++) {
    if (text[i] === '。' && !'”’）》'.includes(text[i + 1] ?? '')) out.push(i + 1);
  }
  return out;
}

/**
 * Insert `sentence` after a random sentence of the body; `planted` must occur in `sentence`.
 * Texts without any 。 get the sentence at the end of the body's first paragraph.
 */
function insertSentence(rng: Rng, text: string, sentence: string, planted: string, variant: string): Edit {
  const slots = sentenceSlots(text);
  let at: number;
  if (slots.length) at = pick(rng, slots);
  else {
    const nl = text.indexOf('\n', bodyStart(text));
    at = nl < 0 ? text.length : nl;
  }
  const inner = sentence.indexOf(planted);
  if (inner < 0) throw new Error(`planted ${planted} not in ${sentence}`);
  return { text: text.slice(0, at) + sentence + text.slice(at), planted, position: at + inner, variant };
}

/** Runs of ≥ minLen Han characters in the body, as [start, end). */
function hanRuns(text: string, minLen: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /\p{Script=Han}+/gu;
  re.lastIndex = bodyStart(text);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length >= minLen) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

const PAIRS: Array<[string, string]> = [
  ['《', '》'],
  ['“', '”'],
  ['（', '）'],
];

function lineBounds(text: string, at: number): [number, number] {
  const s = text.lastIndexOf('\n', at - 1) + 1;
  const e = text.indexOf('\n', at);
  return [s, e < 0 ? text.length : e];
}

/* ------------------------------------------------------------------------------------------ */
/* Defect tables (small and hand-checked: the right form is right, the wrong one is a real      */
/* misspelling seen in official writing or in machine-spun copies such as seed 002)            */
/* ------------------------------------------------------------------------------------------ */

interface TypoPair {
  right: string;
  wrong: string;
  /** A sentence containing `right`, inserted (with `wrong`) when the text lacks `right`. */
  sentence: string;
  /** Only replace an occurrence of `right` followed by text matching this. */
  followedBy?: RegExp;
}

export const TYPO_PAIRS: readonly TypoPair[] = [
  { right: '安排', wrong: '按排', sentence: '请各单位提前做好人员安排。' },
  { right: '即使', wrong: '既使', sentence: '即使工作任务再重，也要按时完成信息更新。' },
  { right: '再接再厉', wrong: '再接再励', sentence: '希望受到表扬的单位再接再厉，取得更好成绩。' },
  { right: '建立健全', wrong: '树立健全', sentence: '要建立健全信息发布审核机制。' },
  { right: '重要议事日程', wrong: '紧张议事日程', sentence: '各单位要把这项工作列入重要议事日程。' },
  { right: '丰富', wrong: '富厚', sentence: '进一步丰富政务公开形式。' },
  { right: '基础性', wrong: '根基性', sentence: '扎实做好各项基础性工作。' },
  { right: '创新', wrong: '立异', sentence: '要不断创新工作方法。' },
  { right: '部署', wrong: '布署', sentence: '认真落实上级的工作部署。' },
  { right: '贯彻', wrong: '贯切', sentence: '各单位要认真贯彻落实会议精神。' },
  { right: '迫不及待', wrong: '迫不急待', sentence: '群众迫不及待地想了解新政策的具体内容。' },
  { right: '按部就班', wrong: '按步就班', sentence: '工作中不能按部就班、因循守旧。' },
  { right: '融会贯通', wrong: '融汇贯通', sentence: '要把学习内容融会贯通，运用到实际工作中。' },
  { right: '一如既往', wrong: '一如继往', sentence: '我们将一如既往地支持企业发展。' },
  { right: '坐落', wrong: '座落', sentence: '新建的便民服务中心坐落在镇区中心。' },
  { right: '竣工', wrong: '峻工', sentence: '该项目已于上月竣工验收。' },
  { right: '辐射', wrong: '幅射', sentence: '要充分发挥中心城区的辐射带动作用。' },
  { right: '妨碍', wrong: '防碍', sentence: '任何单位和个人不得妨碍工作人员依法履行职责。' },
  { right: '滥竽充数', wrong: '滥芋充数', sentence: '防止以简单的动态信息滥竽充数。' },
  { right: '义不容辞', wrong: '义不容词', sentence: '做好群众服务工作是我们义不容辞的责任。' },
  { right: '川流不息', wrong: '穿流不息', sentence: '节日期间，城区主干道上车辆川流不息。' },
  { right: '严峻', wrong: '严竣', sentence: '当前防汛形势依然严峻。' },
  { right: '一鼓作气', wrong: '一股作气', sentence: '要一鼓作气完成全年目标任务。' },
  { right: '陷阱', wrong: '陷井', sentence: '请广大群众提高警惕，谨防电信诈骗陷阱。' },
  { right: '编纂', wrong: '编篡', sentence: '县志办已完成新一轮县志编纂工作。' },
  { right: '蜂拥而至', wrong: '蜂涌而至', sentence: '假日期间，游客蜂拥而至。' },
  { right: '言简意赅', wrong: '言简意骇', sentence: '解读材料要言简意赅、通俗易懂。' },
  { right: '和蔼', wrong: '和霭', sentence: '窗口工作人员态度和蔼，办事高效。' },
  { right: '弘扬', wrong: '宏扬', sentence: '要大力弘扬社会主义核心价值观。' },
  { right: '厉行节约', wrong: '励行节约', sentence: '各单位要坚持厉行节约、反对浪费。' },
  { right: '沟通', wrong: '勾通', sentence: '要加强与群众的沟通交流。' },
  { right: '瓶颈', wrong: '瓶劲', sentence: '着力破解制约发展的瓶颈问题。' },
  { right: '全力以赴', wrong: '全力以付', sentence: '全县上下要全力以赴做好防汛工作。' },
  { right: '迫在眉睫', wrong: '迫在眉捷', sentence: '加强老旧管网改造已经迫在眉睫。' },
  { right: '兢兢业业', wrong: '竞竞业业', sentence: '广大基层干部兢兢业业、任劳任怨。' },
  { right: '贻误', wrong: '遗误', sentence: '各单位要按时报送材料，不得贻误工作。' },
  { right: '松弛', wrong: '松驰', sentence: '安全生产工作不能有丝毫松弛。' },
  { right: '急躁', wrong: '急燥', sentence: '推进改革既要积极，又不能急躁冒进。' },
  { right: '座谈', wrong: '坐谈', sentence: '镇里召开座谈会，听取群众意见。' },
  { right: '度假', wrong: '渡假', sentence: '努力打造乡村度假旅游目的地。' },
  { right: '报销', wrong: '报消', sentence: '符合规定的医疗费用按比例报销。' },
  // 截止 is right before 日期/时间 and at the end of a clause; wrong before a point in time.
  { right: '截至', wrong: '截止', sentence: '截至目前，各项工作进展顺利。', followedBy: /^(\d|目前|今|年底|上|本)/ },
];

interface Replacement {
  from: string;
  to: string;
  sentence: string;
}

const SERIOUS: readonly Replacement[] = [
  { from: '中华人民共和国', to: '中华人民共合国', sentence: '根据《中华人民共和国政府信息公开条例》规定，依法做好信息公开工作。' },
  { from: '中华人民共和国', to: '中共人民共和国', sentence: '依照《中华人民共和国预算法》有关规定执行。' },
  { from: '政府信息公开', to: '当局信息公开', sentence: '各单位要高度重视政府信息公开工作。' },
  { from: '政府', to: '攻府', sentence: '县政府将持续优化营商环境。' },
];

const OUTDATED: readonly Replacement[] = [
  { from: '自然资源局', to: '国土资源局', sentence: '县自然资源局负责做好土地征收相关信息公开工作。' },
  { from: '卫生健康委员会', to: '卫生和计划生育委员会', sentence: '市卫生健康委员会对全市医疗机构开展了专项检查。' },
  { from: '“一带一路”倡议', to: '“一带一路”战略', sentence: '积极参与共建“一带一路”倡议，支持企业开拓国际市场。' },
];

// Characters with the pinyin an editor's IME or a 注音 tool leaves behind (cf. seed 004: 公開(kāi)).
const PINYIN: Record<string, string> = {
  开: 'kāi', 务: 'wù', 公: 'gōng', 政: 'zhèng', 府: 'fǔ', 信: 'xìn', 息: 'xī', 工: 'gōng', 作: 'zuò',
  发: 'fā', 展: 'zhǎn', 服: 'fú', 民: 'mín', 县: 'xiàn', 镇: 'zhèn', 会: 'huì', 理: 'lǐ', 设: 'shè',
  建: 'jiàn', 管: 'guǎn', 全: 'quán', 区: 'qū', 市: 'shì', 制: 'zhì', 度: 'dù', 要: 'yào', 点: 'diǎn',
  规: 'guī', 划: 'huà', 项: 'xiàng', 目: 'mù', 落: 'luò', 实: 'shí', 单: 'dān', 位: 'wèi',
};

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/* ------------------------------------------------------------------------------------------ */
/* One generator per kind. Each returns null when the text offers no place for the defect.     */
/* ------------------------------------------------------------------------------------------ */

type Generator = (rng: Rng, text: string, caseNo: number, taken: Set<string>) => Edit | null;

function replaceOrInsert(rng: Rng, text: string, r: Replacement, variantTag: string): Edit {
  const hits = occurrences(text, r.from, bodyStart(text));
  if (hits.length) {
    const at = pick(rng, hits);
    return { text: replaceAt(text, at, r.from.length, r.to), planted: r.to, position: at, variant: `${variantTag} replace ${r.from}→${r.to}`, expected: r.from };
  }
  const e = insertSentence(rng, text, r.sentence.replace(r.from, r.to), r.to, `${variantTag} insert ${r.to}`);
  return { ...e, expected: r.from };
}

const typo: Generator = (rng, text, caseNo, taken) => {
  const start = bodyStart(text);
  const usable = (p: TypoPair) =>
    occurrences(text, p.right, start).filter((i) => !p.followedBy || p.followedBy.test(text.slice(i + p.right.length)));
  const free = TYPO_PAIRS.filter((p) => !taken.has(p.right));
  // Case 0 prefers a word the text already contains (the realistic slip); later cases draw from the
  // whole list so every pair gets exercised across the corpus, inserting a sentence when needed.
  const present = free.filter((p) => usable(p).length > 0);
  const pair = caseNo === 0 && present.length ? pick(rng, present) : pick(rng, free);
  taken.add(pair.right);
  const hits = usable(pair);
  if (hits.length) {
    const at = pick(rng, hits);
    return { text: replaceAt(text, at, pair.right.length, pair.wrong), planted: pair.wrong, position: at, variant: `replace ${pair.right}→${pair.wrong}`, expected: pair.right };
  }
  const e = insertSentence(rng, text, pair.sentence.replace(pair.right, pair.wrong), pair.wrong, `insert ${pair.wrong}`);
  return { ...e, expected: pair.right };
};

const serious: Generator = (rng, text) => {
  const present = SERIOUS.filter((r) => occurrences(text, r.from, bodyStart(text)).length > 0);
  const r = present.length && rng() < 0.8 ? pick(rng, present) : pick(rng, SERIOUS);
  return replaceOrInsert(rng, text, r, 'serious');
};

const outdated: Generator = (rng, text) => {
  const present = OUTDATED.filter((r) => occurrences(text, r.from, bodyStart(text)).length > 0);
  const r = present.length && rng() < 0.7 ? pick(rng, present) : pick(rng, OUTDATED);
  return replaceOrInsert(rng, text, r, 'outdated');
};

const placeholder: Generator = (rng, text) => {
  const start = bodyStart(text);
  const years = [...text.slice(start).matchAll(/20\d\d年/g)].map((m) => start + m.index);
  const dates = [...text.slice(start).matchAll(/(?<!\d)\d{1,2}月\d{1,2}日/g)].map((m) => ({ at: start + m.index, len: m[0].length }));
  const variants = ['20xx年', '201x年', '--年', 'X月X日', 'xx县', 'XX镇', '××', '组长：'];
  for (const v of shuffle(rng, variants)) {
    if (v === '20xx年' || v === '201x年' || v === '--年') {
      if (!years.length) continue;
      const at = pick(rng, years);
      return { text: replaceAt(text, at, 5, v), planted: v, position: at, variant: `year→${v}` };
    }
    if (v === 'X月X日') {
      if (!dates.length) continue;
      const d = pick(rng, dates);
      return { text: replaceAt(text, d.at, d.len, v), planted: v, position: d.at, variant: 'date→X月X日' };
    }
    if (v === 'xx县') return insertSentence(rng, text, 'xx县各乡镇要按照要求认真抓好落实。', v, 'insert xx县');
    if (v === 'XX镇') return insertSentence(rng, text, '请XX镇人民政府于月底前报送工作总结。', v, 'insert XX镇');
    if (v === '××') return insertSentence(rng, text, '经××研究同意，现将有关情况说明如下。', v, 'insert ××');
    // A label left empty by a template: 组长： then a line break (seed 002).
    const ends = occurrences(text, '\n', start);
    if (!ends.length) continue;
    const at = pick(rng, ends);
    const block = '\n组长：\n成员：各有关单位分管负责同志';
    return { text: text.slice(0, at) + block + text.slice(at), planted: '组长：', position: at + 1, variant: 'empty label 组长：' };
  }
  return null;
};

const garbled: Generator = (rng, text) => {
  const runs = hanRuns(text, 6);
  if (!runs.length) return null;
  const [s, e] = pick(rng, runs);
  const variant = pick(rng, ['fffd', 'kunjinkao', 'tangtang', 'gbk', 'gbk', 'qmarks']);
  if (variant === 'gbk') {
    // A word written as UTF-8 and read back as GBK: the classic 鍙戝竷 (发布) look.
    const len = randInt(rng, 2, Math.min(4, e - s));
    const at = randInt(rng, s, e - len);
    const word = text.slice(at, at + len);
    const moji = iconv.decode(Buffer.from(word, 'utf8'), 'gbk');
    return { text: replaceAt(text, at, len, moji), planted: moji, position: at, variant: `gbk mojibake ${word}→${moji}` };
  }
  const at = randInt(rng, s + 1, e - 3);
  const by = variant === 'fffd' ? (rng() < 0.5 ? '\uFFFD' : '\uFFFD\uFFFD') : variant === 'kunjinkao' ? '锟斤拷' : variant === 'tangtang' ? '烫烫烫' : '??';
  const len = variant === 'fffd' ? 1 : 2;
  return { text: replaceAt(text, at, len, by), planted: by, position: at, variant };
};

const pinyin: Generator = (rng, text) => {
  const start = bodyStart(text);
  const spots: number[] = [];
  for (let i = start; i < text.length; i++) if (PINYIN[text[i]!] && isHan(text[i + 1])) spots.push(i);
  if (!spots.length) return null;
  const at = pick(rng, spots);
  const ch = text[at]!;
  const bracket = rng() < 0.6 ? `(${PINYIN[ch]})` : `（${PINYIN[ch]}）`;
  return { text: text.slice(0, at + 1) + bracket + text.slice(at + 1), planted: ch + bracket, position: at, variant: `pinyin ${ch}${bracket}` };
};

const mixedScript: Generator = (rng, text) => {
  // Candidate spans: sentences of the body ending in 。 (or whole lines); convert one to traditional.
  const start = bodyStart(text);
  const spans: Array<[number, number, string]> = [];
  const re = /[^。\n]+。?/g;
  re.lastIndex = start;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const conv = toTraditional(m[0]);
    let changed = 0;
    for (let k = 0; k < conv.length; k++) if (conv[k] !== m[0][k]) changed++;
    if (changed >= 5 && conv.length === m[0].length) spans.push([m.index, m[0].length, conv]);
  }
  if (!spans.length) return null;
  const [at, len, conv] = pick(rng, spans);
  return { text: replaceAt(text, at, len, conv), planted: conv, position: at, variant: 'sentence cn→tw' };
};

const repeated: Generator = (rng, text) => {
  const start = bodyStart(text);
  const de = occurrences(text, '的', start).filter((i) => text[i - 1] !== '的' && isHan(text[i + 1]) && text[i + 1] !== '的' && text[i + 1] !== '确');
  // 了 not in 了解/了如指掌/了结/了然/不了了之, and not already doubled.
  const le = occurrences(text, '了', start).filter(
    (i) => text[i - 1] !== '了' && text[i + 1] !== '了' && !'解如结然'.includes(text[i + 1] ?? '') && text[i - 1] !== '不',
  );
  const clauses: Array<[number, number]> = [];
  const re = /(?<=[，。；：\n])[^，。；：！？\n]{4,24}，/g;
  re.lastIndex = start;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const c = m[0];
    const balanced = PAIRS.every(([o, cl]) => c.split(o).length === c.split(cl).length) && !/[“”‘’]/.test(c.replace(/“[^”]*”/g, ''));
    if (balanced && m.index >= start) clauses.push([m.index, c.length]);
  }
  const options: string[] = [];
  if (clauses.length) options.push('clause', 'clause');
  if (de.length) options.push('de');
  if (le.length) options.push('le');
  if (!options.length) return null;
  const v = pick(rng, options);
  if (v === 'clause') {
    const [at, len] = pick(rng, clauses);
    const c = text.slice(at, at + len);
    return { text: text.slice(0, at + len) + c + text.slice(at + len), planted: c, position: at + len, variant: `clause twice ${c}` };
  }
  const at = pick(rng, v === 'de' ? de : le);
  const ch = text[at]!;
  return { text: text.slice(0, at) + ch + text.slice(at), planted: ch + ch, position: at, variant: `doubled ${ch}${ch}` };
};

const unbalanced: Generator = (rng, text) => {
  const start = bodyStart(text);
  const spots: Array<{ open: number; close: number }> = [];
  for (const [o, c] of PAIRS) {
    for (const close of occurrences(text, c, start)) {
      const [ls] = lineBounds(text, close);
      const open = text.lastIndexOf(o, close);
      if (open < ls || open < start) continue;
      // Only take a simple pair: no other opener/closer of the same kind between them, and the
      // line is balanced for that kind before we break it.
      const inner = text.slice(open + 1, close);
      if (inner.includes(o) || inner.includes(c)) continue;
      const [s2, e2] = lineBounds(text, close);
      const line = text.slice(s2, e2);
      if (line.split(o).length !== line.split(c).length) continue;
      spots.push({ open, close });
    }
  }
  if (!spots.length) return null;
  const { open, close } = pick(rng, spots);
  const out = replaceAt(text, close, 1, '');
  return { text: out, planted: out.slice(open, close), position: open, variant: `drop ${text[close]}` };
};

const halfwidth: Generator = (rng, text) => {
  const start = bodyStart(text);
  const spots: Array<[number, string]> = [];
  for (let i = start + 1; i < text.length - 1; i++) {
    const map: Record<string, string> = { '，': ',', '；': ';', '：': ':' };
    const by = map[text[i]!];
    if (by && isHan(text[i - 1]) && isHan(text[i + 1])) spots.push([i, by]);
  }
  if (!spots.length) return null;
  // Mostly the comma, as in the seeds converted from Word by a half-width IME.
  const commas = spots.filter(([, b]) => b === ',');
  const [at, by] = commas.length && rng() < 0.75 ? pick(rng, commas) : pick(rng, spots);
  return { text: replaceAt(text, at, 1, by), planted: by, position: at, variant: `${text[at]}→${by}` };
};

const idNumber: Generator = (rng, text) => {
  const id = makeIdNumber(rng);
  const masked = [...text.matchAll(/\d{4}\*{10}\d{3}[\dX]/g)];
  if (masked.length && rng() < 0.7) {
    const m = pick(rng, masked);
    return { text: replaceAt(text, m.index, m[0].length, id), planted: id, position: m.index, variant: 'unmask id' };
  }
  const sentence = pick(rng, [
    `申请人王某（公民身份号码：${id}）已按规定提交全部材料。`,
    `经核查，当事人李某，身份证号${id}，系本县居民。`,
    `户主刘某，身份证号码${id}，家庭人口4人。`,
  ]);
  return insertSentence(rng, text, sentence, id, 'insert id');
};

const phone: Generator = (rng, text) => {
  const p = makeMobile(rng);
  const masked = [...text.matchAll(/1[3-9]\d\*{4}\d{4}/g)];
  if (masked.length && rng() < 0.7) {
    const m = pick(rng, masked);
    return { text: replaceAt(text, m.index, m[0].length, p), planted: p, position: m.index, variant: 'unmask mobile' };
  }
  const sentence = pick(rng, [
    `如有疑问，请联系工作人员张先生，联系电话：${p}。`,
    `举报人陈某（手机号码${p}）反映的问题已转交相关部门办理。`,
    `联系人：赵女士，手机：${p}。`,
  ]);
  return insertSentence(rng, text, sentence, p, 'insert mobile');
};

const bankCard: Generator = (rng, text) => {
  const card = makeBankCard(rng);
  const sentence = pick(rng, [
    `补助资金已发放至户主杨某的银行卡（卡号：${card}）。`,
    `申请人李某的收款银行卡号为${card}。`,
    `救助资金将转入本人社会保障卡金融账户${card}。`,
  ]);
  return insertSentence(rng, text, sentence, card, 'insert bank card');
};

const GENERATORS: Record<DefectKind, { gen: Generator; perText: number }> = {
  'text/typo': { gen: typo, perText: 2 },
  'text/serious-error': { gen: serious, perText: 1 },
  'text/placeholder': { gen: placeholder, perText: 1 },
  'text/garbled': { gen: garbled, perText: 1 },
  'text/pinyin-residue': { gen: pinyin, perText: 1 },
  'text/mixed-script': { gen: mixedScript, perText: 1 },
  'text/repeated': { gen: repeated, perText: 1 },
  'text/unbalanced': { gen: unbalanced, perText: 1 },
  'text/halfwidth-punct': { gen: halfwidth, perText: 1 },
  'text/outdated-term': { gen: outdated, perText: 1 },
  'privacy/id-number': { gen: idNumber, perText: 1 },
  'privacy/phone': { gen: phone, perText: 1 },
  'privacy/bank-card': { gen: bankCard, perText: 1 },
};

/**
 * Plant one defect per output text: for every source text and every kind, `perText` cases
 * (2 typos, 1 of each other kind), skipping kinds the text offers no place for.
 */
export function plantDefects(texts: readonly SourceText[], seed: number = DEFAULT_SEED): Planted[] {
  const out: Planted[] = [];
  for (const src of texts) {
    for (const kind of DEFECT_KINDS) {
      const { gen, perText } = GENERATORS[kind];
      const taken = new Set<string>();
      for (let n = 0; n < perText; n++) {
        const rng = makeRng(hash32(`${seed}|${src.name}|${kind}|${n}`));
        const e = gen(rng, src.text, n, taken);
        if (!e) continue;
        if (e.text.slice(e.position, e.position + e.planted.length) !== e.planted) {
          throw new Error(`plant bug: ${kind} ${src.name} ${e.variant}`);
        }
        const p: Planted = {
          name: `${src.name}#${kind}#${n}`,
          text: e.text,
          ruleId: kind,
          planted: e.planted,
          position: e.position,
          source: src.name,
          variant: e.variant,
        };
        if (e.expected !== undefined) p.expected = e.expected;
        out.push(p);
      }
    }
  }
  return out;
}

/** Directory of the clean corpus, next to this folder. */
export const CLEAN_CORPUS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../corpus/clean');

/** Read tests/corpus/clean/*.txt, sorted by file name; `name` is the file name without .txt. */
export function loadCleanCorpus(dir: string = CLEAN_CORPUS_DIR): SourceText[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f.replace(/\.txt$/, ''), text: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

// `npx tsx tests/eval/plant.ts [seed]` prints the cases per kind and a few samples.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const seed = process.argv[2] ? Number(process.argv[2]) : DEFAULT_SEED;
  const cases = plantDefects(loadCleanCorpus(), seed);
  const per = new Map<string, number>();
  for (const c of cases) per.set(c.ruleId, (per.get(c.ruleId) ?? 0) + 1);
  console.log(`seed ${seed}: ${cases.length} cases`);
  for (const [k, n] of per) console.log(`  ${k.padEnd(22)} ${n}`);
  if (process.argv.includes('--samples')) {
    for (const c of cases) {
      const ctx = c.text.slice(Math.max(0, c.position - 12), c.position + c.planted.length + 12).replace(/\n/g, '⏎');
      console.log(`${c.ruleId}\t${c.variant}\t${ctx}`);
    }
  }
}
