import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { catalogueParts } from '../../../web-components/src/i18n/zh-CN.js';

/**
 * The public entry (what portals load) carries only the viewer and studio strings (see i18n/index.ts); the other
 * parts come with the console's entry. So no module bundled into the public entry may name a key of another part:
 * it would show the bare key on a portal page.
 */
/** Strings that happen to equal another part's key but are no message: a data-state value, an ICE server field. */
const NOT_MESSAGES = new Set([
  'web-components/src/online-interview.ts: loading',
  'web-components/src/interview-schedule.ts: loading',
  'web-components/src/whip/link-header.ts: password',
]);

describe("the public bundle's message catalogue", () => {
  it("covers every message key the public entry's modules name", async () => {
    const result = await build({
      entryPoints: ['web-components/src/index.ts'],
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      outdir: 'out',
      splitting: true,
      logLevel: 'silent',
    });
    const sources = Object.keys(result.metafile.inputs).filter((file) => file.startsWith('web-components/src/') && !file.includes('/i18n/'));
    expect(sources).toContain('web-components/src/online-interview.ts');
    expect(sources).not.toContain('web-components/src/i18n/all.ts');
    const { viewer, studio, ...others } = catalogueParts;
    const publicKeys = new Set([...Object.keys(viewer), ...Object.keys(studio)]);
    const otherKeys = Object.values(others)
      .flatMap((part) => Object.keys(part))
      .filter((key) => !publicKeys.has(key));
    const named: string[] = [];
    for (const file of sources) {
      const code = readFileSync(file, 'utf8');
      for (const key of otherKeys) {
        if (new RegExp(`['"\`]${key}['"\`]`).test(code)) named.push(`${file}: ${key}`);
      }
    }
    expect(named.filter((place) => !NOT_MESSAGES.has(place))).toEqual([]);
  });
});
