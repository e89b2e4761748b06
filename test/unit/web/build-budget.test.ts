import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

interface BuildReport {
  files: { file: string; bytes: number; gzip: number }[];
  entryGzip: Record<string, number>;
  budget: number;
  hlsGzip: number;
  hlsBudget: number;
  hlsFile: string;
}

// The build script is plain JavaScript (run by node directly); import it untyped and describe what we use.
const script: string = new URL('../../../scripts/build-web.mjs', import.meta.url).href;
const { buildWeb } = (await import(script)) as {
  buildWeb: (options: { outDir: string; log: (line: string) => void }) => Promise<BuildReport>;
};

/**
 * The stated budgets: what a portal page downloads before any video plays (online-interview.js and its static
 * imports) at most 60 KB gzip; hls.js, loaded lazily and only where native HLS is not used, at most 130 KB gzip.
 */
describe('scripts/build-web.mjs', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('bundles both entries and the pages, online-interview.js within 60 KB gzip and hls.js apart within 130 KB', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'oi-web-'));
    dirs.push(outDir);
    const lines: string[] = [];
    const report = await buildWeb({ outDir, log: (line) => lines.push(line) });

    for (const file of ['assets/online-interview.js', 'assets/console.js', 'pages/demo.html', 'pages/watch.html', 'pages/console.html']) {
      expect((await stat(join(outDir, file))).size, file).toBeGreaterThan(0);
    }
    const entry = report.entryGzip['assets/online-interview.js'];
    expect(entry).toBeGreaterThan(0);
    expect(report.budget).toBe(60 * 1024);
    expect(entry).toBeLessThanOrEqual(report.budget);

    // hls.js is its own chunk, within its budget, and not among what the entry loads before playing.
    expect(report.hlsBudget).toBe(130 * 1024);
    expect(report.hlsFile).toMatch(/^assets\/chunks\/hls/);
    expect(report.hlsGzip).toBeGreaterThan(50 * 1024);
    expect(report.hlsGzip).toBeLessThanOrEqual(report.hlsBudget);
    const hlsName = report.hlsFile.split('/').pop()!;
    const code = await Promise.all(report.files.map((f) => readFile(join(outDir, f.file), 'utf8')));
    const all = code.join('\n');
    // Only ever import("…hls…"), never a static `import … from "…hls…"` that every page would pay for.
    expect(all).toMatch(new RegExp(`import\\("\\./(chunks/)?${hlsName.replace(/\./g, '\\.')}"\\)`));
    expect(all).not.toMatch(new RegExp(`from\\s*"\\./(chunks/)?${hlsName.replace(/\./g, '\\.')}"`));
    expect(lines.join('\n')).toMatch(/hls\.js \(lazy, only without native HLS\)/);
  }, 120_000);
});
