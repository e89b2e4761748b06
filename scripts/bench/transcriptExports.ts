/**
 * Benchmark: exporting a long show's 文字实录.
 *
 * Builds, in memory, the transcript of a two-hour show (400 entries of about 150 characters, 20 of them with a
 * 1600×1200 JPEG picture on disk) and times its HTML, Markdown and DOCX exports, five runs each. No server: these are
 * the functions the public export routes call; the route serves the DOCX from TranscriptDocxCache, so a download after
 * the first costs docx_cached_ms. Prints one JSON line:
 * {"entries":400,"pictures":20,"html_ms":{…},"markdown_ms":{…},"docx_ms":{…},"docx_cached_ms":{…},"docx_bytes":…}.
 * Run: npm run bench:transcript.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { TranscriptEntry } from '../../server/domain/records/Transcript.js';
import { transcriptDocx } from '../../server/records/transcriptDocx.js';
import { TranscriptDocxCache } from '../../server/records/TranscriptDocxCache.js';
import { transcriptHtml } from '../../server/records/transcriptHtml.js';
import { transcriptMarkdown } from '../../server/records/transcriptMarkdown.js';
import type { PublishedTranscript } from '../../server/records/TranscriptService.js';
import type { TranscriptImage } from '../../server/records/transcriptViews.js';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const ENTRIES = 400;
const PICTURES = 20;

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'oi-bench-transcript-'));
try {
  mkdirSync(path.join(dataDir, 'images'));
  const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#557799', noise: { type: 'gaussian', mean: 120, sigma: 30 } } })
    .jpeg({ quality: 85 })
    .toBuffer();
  const images = new Map<string, TranscriptImage>();
  for (let i = 0; i < PICTURES; i++) {
    const id = `image-${i}`;
    writeFileSync(path.join(dataDir, 'images', `${id}.jpg`), photo);
    images.set(id, { id, url: `https://interview.example.gov.cn/media/images/${id}.jpg`, width: 1600, height: 1200, path: `images/${id}.jpg`, mimeType: 'image/jpeg' });
  }
  const sentence = '关于农村公路建设和养护，今年全县将完成新改建农村公路一百二十公里，实施危桥改造十五座，推进城乡客运一体化。';
  const entries: TranscriptEntry[] = Array.from({ length: ENTRIES }, (_, i) => ({
    role: i % 3 === 0 ? 'netizen' : i % 3 === 1 ? 'host' : 'guest',
    speaker: i % 3 === 0 ? `网友${i}` : i % 3 === 1 ? '主持人' : '张局长',
    text: sentence.repeat(3),
    imageIds: i % (ENTRIES / PICTURES) === 2 ? [`image-${(i / (ENTRIES / PICTURES)) | 0}`] : [],
  }));
  const transcript: PublishedTranscript = {
    title: '农村公路建设在线访谈',
    department: '县交通运输局',
    startsAt: new Date('2026-05-20T01:00:00Z'),
    publishedAt: new Date('2026-05-21T01:00:00Z'),
    entries,
    images,
  };

  const time = async (work: () => unknown): Promise<{ min: number; median: number; max: number }> => {
    const ms: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const began = performance.now();
      await work();
      ms.push(performance.now() - began);
    }
    ms.sort((a, b) => a - b);
    const round = (n: number) => Math.round(n * 10) / 10;
    return { min: round(ms[0]!), median: round(ms[Math.floor(ms.length / 2)]!), max: round(ms.at(-1)!) };
  };

  const html = await time(() => transcriptHtml(transcript));
  const markdown = await time(() => transcriptMarkdown(transcript));
  const docx = await time(() => transcriptDocx(transcript, dataDir));
  const cache = new TranscriptDocxCache(dataDir);
  const docxBytes = (await cache.get('bench', transcript)).length;
  const docxCached = await time(() => cache.get('bench', transcript));
  console.log(
    JSON.stringify({ entries: ENTRIES, pictures: PICTURES, html_ms: html, markdown_ms: markdown, docx_ms: docx, docx_cached_ms: docxCached, docx_bytes: docxBytes, runs: RUNS }),
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
