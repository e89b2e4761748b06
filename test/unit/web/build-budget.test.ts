import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

interface BuildReport {
  files: { file: string; bytes: number; gzip: number }[];
  entryGzip: Record<string, number>;
  budget: number;
}

// The build script is plain JavaScript (run by node directly); import it untyped and describe what we use.
const script: string = new URL('../../../scripts/build-web.mjs', import.meta.url).href;
const { buildWeb } = (await import(script)) as {
  buildWeb: (options: { outDir: string; log: (line: string) => void }) => Promise<BuildReport>;
};

describe('scripts/build-web.mjs', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('bundles both entries and the pages, with online-interview.js within its gzip budget', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'oi-web-'));
    dirs.push(outDir);
    const report = await buildWeb({ outDir, log: () => undefined });

    for (const file of ['assets/online-interview.js', 'assets/console.js', 'pages/demo.html', 'pages/watch.html', 'pages/console.html']) {
      expect((await stat(join(outDir, file))).size, file).toBeGreaterThan(0);
    }
    const entry = report.entryGzip['assets/online-interview.js'];
    expect(entry).toBeGreaterThan(0);
    expect(entry).toBeLessThanOrEqual(report.budget);
    expect(report.budget).toBe(60 * 1024);
    // hls.js is a lazily loaded chunk, not part of the entry.
    const hlsChunk = report.files.find((f) => /chunks\/hls-/.test(f.file));
    expect(hlsChunk).toBeDefined();
    expect(entry).toBeLessThan(hlsChunk!.gzip);
  }, 60_000);
});
