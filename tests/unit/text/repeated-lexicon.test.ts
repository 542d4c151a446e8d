/**
 * text/repeated with the language model's lexicon at hand: a doubled unit must be a word, so a run
 * that crosses word boundaries (企业创业创新: 业创业创) is not a repeated word.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../../../rules/engine';
import { repeatedRules } from '../../../rules/text/repeated';
import type { AuditLookups } from '../../../rules/types';
import { modelOf } from './helpers';

const file = readFileSync(resolve(import.meta.dirname, '../../../rules/model/typo-model.bin'));
const buf = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
const withModel: AuditLookups = { typoModel: async () => buf };

const words = async (text: string, lookups?: AuditLookups) =>
  (await audit(modelOf([text]), { today: '2024-06-01' }, { rules: repeatedRules, lookups })).findings.filter((f) => f.messageId === 'word').map((f) => f.data?.unit);

describe('text/repeated — doubled words are words', () => {
  it('reports a real doubled word with the model and without it', async () => {
    const text = '我们我们要进一步加强政务公开工作。';
    expect(await words(text, withModel)).toEqual(['我们']);
    expect(await words(text)).toEqual(['我们']);
  });

  it('is silent on runs across word boundaries when the lexicon is there', async () => {
    for (const text of ['支持中小企业创业创新，优化营商环境。', '运用信用信息开展分级分类监管。']) {
      expect(await words(text, withModel)).toEqual([]);
    }
  });
});
