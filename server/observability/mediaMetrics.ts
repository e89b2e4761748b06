import type { MediaServer } from '../../media/index.js';
import type { Metrics } from './Metrics.js';

/**
 * Feeds the media metrics from what the media node already reports: its events (FFmpeg crashes, read off the
 * recording parts that ended crashed) and, at each scrape, the status of every live interview (the same status the
 * director's status bar shows). Gauges of shows that are over disappear at the next scrape.
 */
export function observeMedia(metrics: Metrics, media: MediaServer): void {
  media.on('recordingPart', (event) => {
    if (event.phase === 'ended' && event.crashed) metrics.ffmpegCrashes.inc({ pipeline: event.kind });
  });
  // Present from the first scrape, so a rate over them starts at zero rather than at the first crash.
  for (const pipeline of ['program', 'camera'] as const) metrics.ffmpegCrashes.inc({ pipeline }, 0);

  metrics.beforeScrape('media', async () => {
    const ids = media.liveInterviewIds;
    const statuses = await Promise.all(ids.map(async (id) => [id, await media.mediaStatus(id)] as const));
    metrics.ingestBitrate.reset();
    metrics.packetLoss.reset();
    metrics.keyframeRequests.reset();
    metrics.segmentAge.reset();
    let publishers = 0;
    for (const [interviewId, status] of statuses) {
      for (const camera of status.cameras) {
        if (!camera.connected) continue;
        publishers++;
        const labels = { interview_id: interviewId, camera_id: camera.cameraId };
        if (camera.bitrateKbps !== null) metrics.ingestBitrate.set(labels, camera.bitrateKbps * 1000);
        if (camera.packetLossPercent !== null) metrics.packetLoss.set(labels, camera.packetLossPercent / 100);
        if (camera.keyframeRequests !== null) metrics.keyframeRequests.set(labels, camera.keyframeRequests);
      }
      if (status.hls.segmentAgeSeconds !== null) metrics.segmentAge.set({ interview_id: interviewId }, status.hls.segmentAgeSeconds);
    }
    metrics.liveInterviews.set(ids.length);
    metrics.publishers.set(publishers);
  });
}
