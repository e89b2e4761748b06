/** A stretch of one recording part file: seconds from the start of that file. */
export interface ClipPiece {
  file: string;
  fromSeconds: number;
  toSeconds: number;
  hasAudio: boolean;
}

export interface ClipArgsOptions {
  pieces: ClipPiece[];
  /** fast: stream copy, cut on keyframes; exact: re-encoded, frame-accurate. */
  mode: 'fast' | 'exact';
  outputPath: string;
  /** For fast mode: the concat list FFmpeg reads (written by the caller from fastConcatList). */
  concatListPath: string;
  /** Exact mode's output frame rate and picture size (the first piece's). */
  frameRate: number;
  width: number;
  height: number;
}

/** The total length of a clip's pieces, in seconds. */
export function clipSeconds(pieces: readonly ClipPiece[]): number {
  return pieces.reduce((sum, p) => sum + (p.toSeconds - p.fromSeconds), 0);
}

/** FFmpeg's concat list for fast mode: each piece's file with its in and out point. */
export function fastConcatList(pieces: readonly ClipPiece[]): string {
  const quote = (file: string) => `'${file.replaceAll("'", "'\\''")}'`;
  return ['ffconcat version 1.0', ...pieces.flatMap((p) => [`file ${quote(p.file)}`, `inpoint ${p.fromSeconds.toFixed(3)}`, `outpoint ${p.toSeconds.toFixed(3)}`])].join('\n') + '\n';
}

/**
 * FFmpeg arguments for a clip as MP4 (H.264 + AAC, +faststart so it plays while downloading), reporting progress
 * on stdout (`-progress pipe:1`).
 *
 * - fast: the concat demuxer copies the pieces' packets (no decoding: seconds for a long clip). Video starts at the
 *   keyframe at or before the in point, as stream copy must; the recordings have one every segment length.
 * - exact: each piece is seeked exactly (input -ss/-to while decoding), brought to one frame rate and picture size,
 *   joined and encoded with libx264 and AAC: frame-accurate in and out points.
 * Pure, so the choices are unit-tested.
 */
export function buildClipArgs(o: ClipArgsOptions): string[] {
  const common = ['-hide_banner', '-nostats', '-loglevel', 'error', '-progress', 'pipe:1', '-y'];
  const output = ['-movflags', '+faststart', '-f', 'mp4', o.outputPath];
  const allAudio = o.pieces.every((p) => p.hasAudio);
  if (o.mode === 'fast') {
    return [
      ...common,
      '-f', 'concat', '-safe', '0', '-i', o.concatListPath,
      '-map', '0:v:0', ...(allAudio ? ['-map', '0:a:0'] : []),
      '-c', 'copy', '-avoid_negative_ts', 'make_zero',
      ...output,
    ];
  }
  const inputs = o.pieces.flatMap((p) => ['-ss', p.fromSeconds.toFixed(3), '-to', p.toSeconds.toFixed(3), '-i', p.file]);
  const anyAudio = o.pieces.some((p) => p.hasAudio);
  const filters: string[] = [];
  const joined: string[] = [];
  o.pieces.forEach((p, i) => {
    filters.push(
      `[${i}:v:0]fps=${o.frameRate},scale=${o.width}:${o.height}:force_original_aspect_ratio=decrease,` +
        `pad=${o.width}:${o.height}:(ow-iw)/2:(oh-ih)/2,setsar=1,format=yuv420p[v${i}]`,
    );
    joined.push(`[v${i}]`);
    if (anyAudio) {
      // A piece without sound gets silence of its length, so sound and picture stay together after it.
      filters.push(
        p.hasAudio
          ? `[${i}:a:0]aresample=48000:async=1,aformat=sample_rates=48000:channel_layouts=stereo[a${i}]`
          : `anullsrc=r=48000:cl=stereo,atrim=duration=${(p.toSeconds - p.fromSeconds).toFixed(3)}[a${i}]`,
      );
      joined.push(`[a${i}]`);
    }
  });
  filters.push(`${joined.join('')}concat=n=${o.pieces.length}:v=1:a=${anyAudio ? 1 : 0}[v]${anyAudio ? '[a]' : ''}`);
  return [
    ...common,
    ...inputs,
    '-filter_complex', filters.join(';'),
    '-map', '[v]', ...(anyAudio ? ['-map', '[a]'] : []),
    '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20', '-profile:v', 'high', '-pix_fmt', 'yuv420p',
    '-g', String(Math.round(o.frameRate * 2)),
    ...(anyAudio ? ['-c:a', 'aac', '-b:a', '128k'] : []),
    '-t', clipSeconds(o.pieces).toFixed(3),
    ...output,
  ];
}
