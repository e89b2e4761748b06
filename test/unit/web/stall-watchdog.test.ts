import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STALL_CHECK_MS, STALL_LIMIT_MS, watchStalls, type WatchedVideo } from '../../../web-components/src/player/stall-watchdog.js';

describe('watchStalls', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const video = (): WatchedVideo => ({ paused: false, ended: false, seeking: false, currentTime: 0 });

  it('calls after the position stayed frozen for the limit while playing, counting stalls in a row', () => {
    const v = video();
    const stalls: number[] = [];
    const watch = watchStalls(v, (attempt) => stalls.push(attempt));
    vi.advanceTimersByTime(STALL_LIMIT_MS - STALL_CHECK_MS);
    expect(stalls).toEqual([]);
    vi.advanceTimersByTime(STALL_CHECK_MS);
    expect(stalls).toEqual([1]);
    vi.advanceTimersByTime(STALL_LIMIT_MS);
    expect(stalls).toEqual([1, 2]);
    // Playback moves again: the count starts over.
    v.currentTime = 5;
    vi.advanceTimersByTime(STALL_CHECK_MS);
    vi.advanceTimersByTime(STALL_LIMIT_MS);
    expect(stalls).toEqual([1, 2, 1]);
    watch.stop();
    vi.advanceTimersByTime(STALL_LIMIT_MS * 3);
    expect(stalls).toEqual([1, 2, 1]);
  });

  it('leaves a paused, ended, seeking or advancing video alone', () => {
    for (const state of [{ paused: true }, { ended: true }, { seeking: true }]) {
      const stalls: number[] = [];
      const watch = watchStalls({ ...video(), ...state }, (attempt) => stalls.push(attempt));
      vi.advanceTimersByTime(STALL_LIMIT_MS * 3);
      expect(stalls, JSON.stringify(state)).toEqual([]);
      watch.stop();
    }
    const v = video();
    const stalls: number[] = [];
    const watch = watchStalls(v, (attempt) => stalls.push(attempt));
    for (let i = 0; i < 20; i++) {
      v.currentTime += 2;
      vi.advanceTimersByTime(STALL_CHECK_MS);
    }
    expect(stalls).toEqual([]);
    watch.stop();
  });
});
