#!/usr/bin/env node
// Builds the browser side: web-components/src → dist/web/assets (ES modules, code-split so hls.js is a lazy
// chunk) and copies web-components/pages/*.html → dist/web/pages. Prints sizes and enforces the size budget.
// Usage: node scripts/build-web.mjs [--outdir dist/web]
import { build } from 'esbuild';
import { copyFile, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Budget: what a portal page downloads before any video plays — online-interview.js plus the chunks it imports
 * statically, hls.js (a dynamic import) excluded — must stay within 60 KB gzip. Portal pages load it on every
 * visit, often over slow county networks on old PCs.
 */
export const ENTRY_BUDGET_GZIP_BYTES = 60 * 1024;

/**
 * Budget of the hls.js chunk, counted apart from the entry: it is imported lazily, and only by browsers that play
 * HLS through Media Source Extensions (not Safari/iOS, which play it natively). It is hls.js's "light" build (no
 * subtitles, alternate audio, DRM or CMCD: our playlists have one rendition with muxed audio), about two thirds of
 * the full build.
 */
export const HLS_BUDGET_GZIP_BYTES = 130 * 1024;

/** Old PCs in county offices: nothing newer than what these browsers run. */
export const TARGETS = ['chrome80', 'firefox78', 'safari13'];

/**
 * @param {{ outDir?: string, log?: (line: string) => void }} [options]
 * @returns {Promise<{ files: { file: string, bytes: number, gzip: number }[], entryGzip: Record<string, number>,
 *   budget: number, hlsGzip: number, hlsBudget: number, hlsFile: string }>}
 */
export async function buildWeb({ outDir = join(root, 'dist/web'), log = console.log } = {}) {
  const assets = join(outDir, 'assets');
  await rm(assets, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: {
      'online-interview': 'web-components/src/index.ts',
      console: 'web-components/src/console/index.ts',
    },
    outdir: assets,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: TARGETS,
    // esbuild cannot lower destructuring and flags it for Safari < 14.1 over an edge case of its compat table
    // (lit and hls.js use it everywhere); Safari 13 runs it fine, so let it through.
    supported: { destructuring: true },
    minify: true,
    sourcemap: true,
    metafile: true,
    tsconfig: join(root, 'tsconfig.json'),
    // The source imports 'hls.js' (typed by the package); the bundle gets the light build (see HLS_BUDGET_GZIP_BYTES).
    alias: { 'hls.js': 'hls.js/light' },
    logLevel: 'warning',
  });

  const pagesOut = join(outDir, 'pages');
  await mkdir(pagesOut, { recursive: true });
  const pagesIn = join(root, 'web-components/pages');
  for (const name of await readdir(pagesIn)) {
    if (name.endsWith('.html')) await copyFile(join(pagesIn, name), join(pagesOut, name));
  }

  const outputs = result.metafile.outputs;
  const files = [];
  for (const path of Object.keys(outputs).filter((p) => p.endsWith('.js')).sort()) {
    const content = await readFile(join(root, path));
    files.push({ file: relative(outDir, join(root, path)), bytes: content.length, gzip: gzipSync(content, { level: 9 }).length });
  }
  const gzipOf = new Map(files.map((f) => [f.file, f.gzip]));

  /** An entry plus its static imports, transitively: what the browser fetches before any dynamic import(). */
  const staticClosureGzip = (entryPath) => {
    const seen = new Set();
    const visit = (path) => {
      if (seen.has(path)) return;
      seen.add(path);
      for (const imported of outputs[path]?.imports ?? []) {
        if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
      }
    };
    visit(entryPath);
    let total = 0;
    for (const path of seen) total += gzipOf.get(relative(outDir, join(root, path))) ?? 0;
    return total;
  };
  const entryGzip = {};
  for (const [path, output] of Object.entries(outputs)) {
    if (output.entryPoint) entryGzip[relative(outDir, join(root, path))] = staticClosureGzip(path);
  }

  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  log('file'.padEnd(48) + 'raw'.padStart(10) + 'gzip'.padStart(10));
  for (const f of files) log(f.file.padEnd(48) + kb(f.bytes).padStart(10) + kb(f.gzip).padStart(10));
  for (const [file, gzip] of Object.entries(entryGzip)) {
    log(`${file} with its static imports: ${kb(gzip)} gzip`);
  }
  const entry = entryGzip['assets/online-interview.js'];
  log(`budget for assets/online-interview.js: ${kb(ENTRY_BUDGET_GZIP_BYTES)} gzip`);
  if (entry === undefined || entry > ENTRY_BUDGET_GZIP_BYTES) {
    throw new Error(`assets/online-interview.js is ${kb(entry ?? 0)} gzip, over the ${kb(ENTRY_BUDGET_GZIP_BYTES)} budget`);
  }
  // The chunk whose input is hls.js: found by source, not by name, so a rename cannot hide it.
  const hlsPath = Object.keys(outputs).find(
    (path) => path.endsWith('.js') && Object.keys(outputs[path].inputs).some((input) => input.includes('node_modules/hls.js/')),
  );
  const hlsFile = hlsPath ? relative(outDir, join(root, hlsPath)) : '';
  const hlsGzip = gzipOf.get(hlsFile) ?? 0;
  log(`hls.js (lazy, only without native HLS): ${kb(hlsGzip)} gzip, budget ${kb(HLS_BUDGET_GZIP_BYTES)}`);
  if (!hlsPath || hlsGzip > HLS_BUDGET_GZIP_BYTES) {
    throw new Error(`the hls.js chunk is ${kb(hlsGzip)} gzip, over the ${kb(HLS_BUDGET_GZIP_BYTES)} budget (or missing)`);
  }
  return { files, entryGzip, budget: ENTRY_BUDGET_GZIP_BYTES, hlsGzip, hlsBudget: HLS_BUDGET_GZIP_BYTES, hlsFile };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const flag = process.argv.indexOf('--outdir');
  const outDir = flag > 0 ? resolve(process.argv[flag + 1] ?? '') : undefined;
  buildWeb({ outDir }).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
