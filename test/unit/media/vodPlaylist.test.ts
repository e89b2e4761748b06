import { describe, expect, it } from 'vitest';
import { buildCameraRecordingArgs, CLUSTER_MS } from '../../../media/recording/cameraRecordingArgs.js';
import { toVodPlaylist } from '../../../media/recording/vodPlaylist.js';

const LIVE = `#EXTM3U
#EXT-X-VERSION:6
#EXT-X-TARGETDURATION:2
#EXT-X-MEDIA-SEQUENCE:0
#EXT-X-PLAYLIST-TYPE:EVENT
#EXTINF:2.000000,
seg-00000.ts
#EXT-X-DISCONTINUITY
#EXTINF:2.000000,
seg-00001.ts
`;

describe('toVodPlaylist', () => {
  it('makes the live playlist a VOD one with ENDLIST, keeping every run behind its discontinuity', () => {
    const vod = toVodPlaylist(LIVE);
    expect(vod.split('\n').filter((l) => l.startsWith('#EXT-X-PLAYLIST-TYPE'))).toEqual(['#EXT-X-PLAYLIST-TYPE:VOD']);
    expect(vod.endsWith('seg-00001.ts\n#EXT-X-ENDLIST\n')).toBe(true);
    expect(vod).toContain('#EXT-X-DISCONTINUITY\n#EXTINF:2.000000,\nseg-00001.ts');
    expect(vod.split('\n')[1]).toBe('#EXT-X-PLAYLIST-TYPE:VOD');
  });

  it('is idempotent, and replaces an ENDLIST written before a resumed show', () => {
    const vod = toVodPlaylist(LIVE);
    expect(toVodPlaylist(vod)).toBe(vod);
    expect(toVodPlaylist(`${LIVE}#EXT-X-ENDLIST\n#EXTINF:2.0,\nseg-00002.ts\n`).match(/#EXT-X-ENDLIST/g)).toHaveLength(1);
  });
});

describe('buildCameraRecordingArgs', () => {
  it('copies the camera video, encodes its audio to AAC, and writes short, flushed Matroska clusters', () => {
    const args = buildCameraRecordingArgs({ sdpPath: '/d/cam.sdp', outputPath: '/d/recordings/camera-x.mkv', hasAudio: true });
    expect(args.join(' ')).toContain('-map 0:v:0 -c:v copy -map 0:a:0');
    expect(args.join(' ')).toContain(`-f matroska -cluster_time_limit ${CLUSTER_MS} -flush_packets 1 /d/recordings/camera-x.mkv`);
    expect(CLUSTER_MS).toBeLessThanOrEqual(1000);
    expect(buildCameraRecordingArgs({ sdpPath: 'a', outputPath: 'b', hasAudio: false })).not.toContain('0:a:0');
  });
});
