/** What the watchdog reads of a <video>. */
export type WatchedVideo = Pick<HTMLVideoElement, 'paused' | 'ended' | 'seeking' | 'currentTime'>;

/**
 * Playing but the position frozen this long: a stall the players did not turn into an error (segments that stopped
 * coming, a live edge that moved on while the buffer ran dry). Long enough for a slow county link to catch up.
 */
export const STALL_LIMIT_MS = 12_000;
export const STALL_CHECK_MS = 2000;

/**
 * Calls `onStall` when the video should be advancing (not paused, ended or seeking) but its position has not moved
 * for STALL_LIMIT_MS, with the count of stalls in a row (reset once it advances again).
 */
export function watchStalls(video: WatchedVideo, onStall: (attempt: number) => void): { stop(): void } {
  let lastTime = video.currentTime;
  let lastChange = Date.now();
  let attempts = 0;
  const timer = setInterval(() => {
    const now = Date.now();
    if (video.paused || video.ended || video.seeking || video.currentTime !== lastTime) {
      if (video.currentTime !== lastTime && !video.paused) attempts = 0;
      lastTime = video.currentTime;
      lastChange = now;
      return;
    }
    if (now - lastChange < STALL_LIMIT_MS) return;
    lastChange = now;
    onStall(++attempts);
  }, STALL_CHECK_MS);
  return { stop: () => clearInterval(timer) };
}
