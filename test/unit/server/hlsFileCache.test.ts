import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HlsFileCache } from '../../../server/http/HlsFileCache.js';
import { makeTempDir, removeTempDir } from '../../helpers/tempDir.js';

const dir = makeTempDir('hls-cache');
afterAll(() => removeTempDir(dir));

describe('HlsFileCache', () => {
  it('serves a file as it is on disk now: a rewritten playlist is read again, a missing file is null', async () => {
    const cache = new HlsFileCache();
    const playlist = path.join(dir, 'index.m3u8');
    fs.writeFileSync(playlist, '#EXTM3U\nseg-1.ts\n');
    const first = await cache.read(playlist);
    expect(first !== null && first !== 'too-big' && first.body.toString()).toBe('#EXTM3U\nseg-1.ts\n');
    expect(await cache.read(playlist)).toBe(first);
    fs.writeFileSync(playlist, '#EXTM3U\nseg-1.ts\nseg-2.ts\n');
    // Same second, other size: still seen as changed.
    const second = await cache.read(playlist);
    expect(second !== null && second !== 'too-big' && second.body.toString()).toBe('#EXTM3U\nseg-1.ts\nseg-2.ts\n');
    fs.rmSync(playlist);
    expect(await cache.read(playlist)).toBeNull();
    expect(await cache.read(dir)).toBeNull();
  });

  it('gives the weak validator express gives, and keeps within its byte budget (least recently used out first)', async () => {
    const cache = new HlsFileCache({ maxBytes: 250 });
    const files = ['a.ts', 'b.ts', 'c.ts'].map((name) => path.join(dir, name));
    for (const file of files) fs.writeFileSync(file, Buffer.alloc(100, file.at(-4)));
    const a = await cache.read(files[0]!);
    const stat = fs.statSync(files[0]!);
    expect(a !== null && a !== 'too-big' && a.etag).toBe(`W/"${stat.size.toString(16)}-${stat.mtime.getTime().toString(16)}"`);
    await cache.read(files[1]!);
    await cache.read(files[0]!);
    await cache.read(files[2]!);
    // b was least recently used: read again from disk (a new object), a and c are kept.
    expect(await cache.read(files[0]!)).toBe(a);
    const b = await cache.read(files[1]!);
    expect(b !== null && b !== 'too-big' && b.body.length).toBe(100);
  });
});
