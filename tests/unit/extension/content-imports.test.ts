/**
 * The content script runs in every page the editor opens: it must not pull in the rule engine (all
 * rules and dictionaries, ~200 kB), which lives in the service worker. Walks its relative imports.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

function importsOf(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of src.matchAll(/^\s*import\s+(?!type\b)[^'"]*['"](\.[^'"]+)['"]/gm)) {
    const base = resolve(dirname(file), m[1]);
    const hit = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => existsSync(p) && !p.endsWith('.css') && !p.endsWith('.json'));
    if (hit && /\.tsx?$/.test(hit)) out.push(hit);
  }
  return out;
}

describe('content script bundle', () => {
  it('does not import the rule engine', () => {
    const seen = new Set<string>();
    const stack = [join(ROOT, 'entrypoints/content/index.tsx')];
    while (stack.length) {
      const f = stack.pop()!;
      if (seen.has(f)) continue;
      seen.add(f);
      stack.push(...importsOf(f));
    }
    const reached = [...seen].map((f) => relative(ROOT, f));
    expect(reached).toContain('entrypoints/content/Panel.tsx');
    expect(reached.filter((f) => ['rules/index.ts', 'rules/engine.ts', 'rules/config-schema.ts', 'rules/messages.ts'].includes(f))).toEqual([]);
  });
});
