import { describe, expect, it } from 'vitest';
import { catalogueParts as enParts, en } from '../../../web-components/src/i18n/en.js';
import { formatDateTime, resolveLang, t } from '../../../web-components/src/i18n/index.js';
import { catalogueParts as zhParts, zhCN } from '../../../web-components/src/i18n/zh-CN.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('have identical keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('give every key to exactly one part of the product, in both languages', () => {
    for (const parts of [zhParts, enParts]) {
      const seen = new Map<string, string>();
      for (const [part, messages] of Object.entries(parts)) {
        for (const key of Object.keys(messages)) {
          expect(seen.get(key), `${key} in ${part}`).toBeUndefined();
          seen.set(key, part);
        }
      }
    }
    expect(Object.keys(enParts)).toEqual(Object.keys(zhParts));
  });

  it('have no empty strings', () => {
    for (const catalogue of [zhCN, en]) {
      for (const [key, value] of Object.entries(catalogue)) {
        expect(value.trim(), key).not.toBe('');
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, value] of Object.entries(zhCN)) {
      expect(placeholders(en[key as keyof typeof en]), key).toEqual(placeholders(value));
    }
  });
});

describe('t()', () => {
  it('defaults to zh-CN and falls back to it for unknown languages', () => {
    expect(t(undefined, 'stateLive')).toBe('直播中');
    expect(t('', 'stateLive')).toBe('直播中');
    expect(t('fr', 'stateLive')).toBe('直播中');
    expect(t('en', 'stateLive')).toBe('Live');
    expect(t('en-GB', 'stateLive')).toBe('Live');
    expect(resolveLang('ZH-cn')).toBe('zh-CN');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('zh-CN', 'errHttp', { status: 503, message: '服务器繁忙' })).toBe('服务器拒绝推流（HTTP 503）：服务器繁忙');
    expect(t('en', 'errHttp', { status: 503 })).toBe('The server refused the stream (HTTP 503): {message}');
  });

  it('formats dates for the language', () => {
    const iso = '2018-05-15T12:00:00.000Z'; // midday UTC: the same calendar day in almost every time zone
    expect(formatDateTime('zh-CN', iso)).toMatch(/2018年5月15日/);
    expect(formatDateTime('en', iso)).toMatch(/May 15, 2018/);
    expect(formatDateTime('zh-CN', 'not a date')).toBe('not a date');
  });
});
