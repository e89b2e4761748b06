import { describe, expect, it } from 'vitest';
import { buildClipArgs, clipSeconds, fastConcatList, type ClipPiece } from '../../../media/clips/clipArgs.js';

const pieces: ClipPiece[] = [
  { file: "/d/program-a.mkv", fromSeconds: 12.5, toSeconds: 20, hasAudio: true },
  { file: "/d/it's-b.mkv", fromSeconds: 0, toSeconds: 5, hasAudio: false },
];
const base = { outputPath: '/d/clips/j.mp4', concatListPath: '/d/clips/j.ffconcat', frameRate: 25, width: 1280, height: 720 };

describe('clip export arguments', () => {
  it('fast mode copies through the concat demuxer with each piece\'s in and out point, faststart MP4', () => {
    const args = buildClipArgs({ ...base, pieces: pieces.slice(0, 1), mode: 'fast' }).join(' ');
    expect(args).toContain('-f concat -safe 0 -i /d/clips/j.ffconcat -map 0:v:0 -map 0:a:0 -c copy');
    expect(args).toContain('-movflags +faststart -f mp4 /d/clips/j.mp4');
    expect(args).toContain('-progress pipe:1');
    expect(fastConcatList(pieces)).toBe(
      "ffconcat version 1.0\nfile '/d/program-a.mkv'\ninpoint 12.500\noutpoint 20.000\nfile '/d/it'\\''s-b.mkv'\ninpoint 0.000\noutpoint 5.000\n",
    );
  });

  it('exact mode seeks each piece exactly, joins them at one rate and size, gives silence to a piece without sound', () => {
    const args = buildClipArgs({ ...base, pieces, mode: 'exact' });
    const text = args.join(' ');
    expect(text).toContain("-ss 12.500 -to 20.000 -i /d/program-a.mkv -ss 0.000 -to 5.000 -i /d/it's-b.mkv");
    const graph = args[args.indexOf('-filter_complex') + 1]!;
    expect(graph).toContain('[0:v:0]fps=25,scale=1280:720');
    expect(graph).toContain('anullsrc=r=48000:cl=stereo,atrim=duration=5.000[a1]');
    expect(graph).toContain('[v0][a0][v1][a1]concat=n=2:v=1:a=1[v][a]');
    expect(text).toContain('-c:v libx264');
    expect(text).toContain('-c:a aac');
    expect(text).toContain(`-t ${clipSeconds(pieces).toFixed(3)}`);
    expect(clipSeconds(pieces)).toBe(12.5);
  });
});
