import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SensitiveWordFilter } from '../../../server/domain/qa/SensitiveWordFilter.js';

const list = ['# a comment', '', '傻瓜', '  白痴  ', 'Fake Spam Phrase', 'ＡＢＣ', '代开发票'].join('\n');
const filter = SensitiveWordFilter.fromText(list);

describe('SensitiveWordFilter.fromText', () => {
  it('reads one word per line, skipping blank lines and # comments, with any line ending and a BOM', () => {
    const read = SensitiveWordFilter.fromText('\ufeff# header\r\n傻瓜\r\n\r\n  # indented comment\r白痴\n');
    expect(read.size).toBe(2);
    expect(read.find('# header indented comment')).toEqual([]);
    expect(read.find('白痴和傻瓜')).toEqual(['白痴', '傻瓜']);
  });

  it('keeps a # inside a line as part of the word', () => {
    expect(SensitiveWordFilter.fromText('c#垃圾').find('c#垃圾')).toEqual(['c#垃圾']);
  });

  it('counts entries that normalise alike once, reported as first listed', () => {
    const read = SensitiveWordFilter.fromText('傻 瓜\n傻瓜\n傻*瓜\nＡＢＣ\nabc');
    expect(read.size).toBe(2);
    expect(read.find('傻瓜abc')).toEqual(['傻 瓜', 'ＡＢＣ']);
  });

  it('skips entries made only of separators', () => {
    expect(SensitiveWordFilter.fromText('***\n - \n...').size).toBe(0);
  });
});

describe('SensitiveWordFilter.find', () => {
  it('finds nothing in a clean text', () => {
    expect(filter.find('请问今年的农村公路建设计划是什么？')).toEqual([]);
  });

  it.each([
    ['plain', '你真是个傻瓜', ['傻瓜']],
    ['inside a longer word', '大傻瓜蛋', ['傻瓜']],
    ['spaces between characters', '傻 瓜', ['傻瓜']],
    ['full-width spaces and tabs', '傻\u3000\t瓜', ['傻瓜']],
    ['stars between characters', '傻*瓜 傻＊＊瓜', ['傻瓜']],
    ['dots, hyphens, underscores', '白.痴 白-痴 白_痴 白·痴', ['白痴']],
    ['full-width separators', '白．痴 白－痴 白＿痴', ['白痴']],
    ['zero-width characters', '傻\u200b瓜', ['傻瓜']],
    ['case', 'FAKE spam PHRASE', ['Fake Spam Phrase']],
    ['spaces removed from a listed phrase', 'fakespamphrase', ['Fake Spam Phrase']],
    ['full-width letters in the text', 'ＦＡＫＥ　ＳＰＡＭ　ＰＨＲＡＳＥ', ['Fake Spam Phrase']],
    ['full-width letters in the list', 'abc', ['ＡＢＣ']],
    ['mixed case of a full-width word', 'ａＢc', ['ＡＢＣ']],
    ['separators between letters', 'f-a-k-e s.p.a.m p_h_r_a_s_e', ['Fake Spam Phrase']],
  ])('matches across %s', (_, text, expected) => {
    expect(filter.find(text)).toEqual(expected);
  });

  it('does not join words across clause punctuation', () => {
    expect(filter.find('他真傻，瓜子很好吃。白。痴')).toEqual([]);
  });

  it('reports every listed word once, in the order they end in the text', () => {
    expect(filter.find('白痴！代开发票，傻瓜，白痴，傻瓜')).toEqual(['白痴', '代开发票', '傻瓜']);
  });

  it('finds words that overlap or contain each other', () => {
    const nested = SensitiveWordFilter.fromText('abcd\nbc\nbcde\nc\nxyz\nyz');
    expect(nested.find('abcde')).toEqual(['bc', 'c', 'abcd', 'bcde']);
    expect(nested.find('xxyz')).toEqual(['xyz', 'yz']);
    expect(nested.find('abxbcd')).toEqual(['bc', 'c']);
  });

  it('finds words outside the basic plane', () => {
    expect(SensitiveWordFilter.fromText('𠮷野家').find('去𠮷 野 家吃饭')).toEqual(['𠮷野家']);
  });

  it('finds nothing with the empty filter', () => {
    expect(SensitiveWordFilter.empty().size).toBe(0);
    expect(SensitiveWordFilter.empty().find('傻瓜 白痴')).toEqual([]);
  });

  it('reads the shipped sample: only comments and placeholders', () => {
    const sample = fs.readFileSync(
      path.resolve(import.meta.dirname, '../../../server/domain/qa/sensitive-words.sample.txt'),
      'utf8',
    );
    const shipped = SensitiveWordFilter.fromText(sample);
    expect(shipped.size).toBeGreaterThan(3);
    expect(shipped.find('这是一个 fake-spam-phrase，你这个傻*瓜')).toEqual(['fake spam phrase', '傻瓜']);
    expect(shipped.find('请问垃圾分类的具体要求是什么？')).toEqual([]);
  });
});

describe('SensitiveWordFilter performance', () => {
  /** Deterministic pseudo-random numbers (mulberry32), so the benchmark measures the same work every run. */
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  it('checks a 500-character text against 5,000 words well within 1 ms', () => {
    const next = random(2018);
    // A small alphabet of CJK characters, so texts share many prefixes with the list (the slow case).
    const alphabet = Array.from({ length: 400 }, (_, i) => String.fromCodePoint(0x4e00 + i * 7));
    const word = (length: number) =>
      Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    const words = Array.from({ length: 5000 }, () => word(2 + Math.floor(next() * 3)));
    const texts = Array.from({ length: 400 }, () => word(500));

    const built = performance.now();
    const big = SensitiveWordFilter.fromText(words.join('\n'));
    const buildMs = performance.now() - built;

    for (const text of texts.slice(0, 50)) big.find(text);
    const started = performance.now();
    let matches = 0;
    for (const text of texts) matches += big.find(text).length;
    const perTextMs = (performance.now() - started) / texts.length;

    console.info(
      `5,000 words built in ${buildMs.toFixed(1)} ms; ` +
        `${(perTextMs * 1000).toFixed(0)} µs per 500-character text (${matches} matches)`,
    );
    expect(matches).toBeGreaterThan(0);
    expect(buildMs).toBeLessThan(500);
    expect(perTextMs).toBeLessThan(0.5);
  });
});
