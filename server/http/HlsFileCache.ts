import fsp from 'node:fs/promises';

/** One file as last read, with the validators players and proxies revalidate with. */
export interface CachedHlsFile {
  body: Buffer;
  etag: string;
  lastModified: string;
}

interface Entry extends CachedHlsFile {
  mtimeMs: number;
  size: number;
}

/** A live show's window (a dozen 2-second segments at a few Mbit/s) many times over, and its playlists. */
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
/** Bigger files (a long single-file VOD, should one appear) are streamed from disk instead. */
const MAX_FILE_BYTES = 8 * 1024 * 1024;
const MISSING = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

/**
 * The HLS files viewers ask for, kept in memory and checked against the disk on every request (one stat: a playlist
 * rewritten by FFmpeg is read again at once). Every viewer fetches the same few files, so serving them from memory
 * spares three of the four file-system calls per request and the stream machinery of a disk read (bench:hls).
 * Least recently used files leave first once the cache holds `maxBytes`.
 */
export class HlsFileCache {
  readonly #entries = new Map<string, Entry>();
  readonly #maxBytes: number;
  #bytes = 0;

  constructor(options: { maxBytes?: number } = {}) {
    this.#maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  }

  /** The file's current content; null when it does not exist; 'too-big' for a file to stream instead. */
  async read(file: string): Promise<CachedHlsFile | null | 'too-big'> {
    let stat;
    try {
      stat = await fsp.stat(file);
    } catch (error) {
      if (MISSING.has((error as NodeJS.ErrnoException).code ?? '')) return null;
      throw error;
    }
    if (!stat.isFile()) return null;
    if (stat.size > MAX_FILE_BYTES) return 'too-big';
    const cached = this.#entries.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) {
      // Most recently used last.
      this.#entries.delete(file);
      this.#entries.set(file, cached);
      return cached;
    }
    let body: Buffer;
    try {
      body = await fsp.readFile(file);
    } catch (error) {
      if (MISSING.has((error as NodeJS.ErrnoException).code ?? '')) return null;
      throw error;
    }
    const entry: Entry = {
      body,
      mtimeMs: stat.mtimeMs,
      size: stat.size,
      // The same weak validator express's static files use, so a player's If-None-Match still matches after an upgrade.
      etag: `W/"${stat.size.toString(16)}-${stat.mtime.getTime().toString(16)}"`,
      lastModified: stat.mtime.toUTCString(),
    };
    // A file written while it was read (FFmpeg rewriting the playlist) is served but not kept: the next stat decides.
    if (body.length === stat.size) this.#keep(file, entry);
    return entry;
  }

  #keep(file: string, entry: Entry): void {
    const old = this.#entries.get(file);
    if (old) {
      this.#bytes -= old.body.length;
      this.#entries.delete(file);
    }
    this.#entries.set(file, entry);
    this.#bytes += entry.body.length;
    for (const [key, oldest] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#entries.delete(key);
      this.#bytes -= oldest.body.length;
    }
  }
}
