import type { Page } from 'playwright-core';

export interface PagePublish {
  status: number;
  location: string | null;
  etag: string | null;
  /** Milliseconds from the start of publishing (getUserMedia) to the answer being applied. */
  answerMs: number;
}

/**
 * Publishes the page's fake camera and microphone over WHIP, the way any browser publisher does
 * (used where the test is about the media path rather than the studio component).
 */
export async function publishFromPage(
  page: Page,
  whipUrl: string,
  token: string,
  size: { width: number; height: number } = { width: 1280, height: 720 },
): Promise<PagePublish> {
  return page.evaluate(
    async ({ whipUrl, token, size }) => {
      const started = performance.now();
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: size });
      const pc = new RTCPeerConnection();
      for (const track of stream.getTracks()) pc.addTransceiver(track, { direction: 'sendonly' });
      const offer = await pc.createOffer();
      await pc.setLocalDescription(offer);
      const response = await fetch(whipUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/sdp', Authorization: `Bearer ${token}` },
        body: pc.localDescription!.sdp,
      });
      const w = window as unknown as Record<string, unknown>;
      w['__pc'] = pc;
      w['__stream'] = stream;
      if (response.status !== 201) return { status: response.status, location: null, etag: null, answerMs: 0 };
      const location = new URL(response.headers.get('Location')!, whipUrl).toString();
      w['__location'] = location;
      await pc.setRemoteDescription({ type: 'answer', sdp: await response.text() });
      return { status: 201, location, etag: response.headers.get('ETag'), answerMs: performance.now() - started };
    },
    { whipUrl, token, size },
  );
}

/** Waits until the page's peer connection is connected (DTLS done). */
export async function waitForConnected(page: Page, timeoutMs = 10_000): Promise<void> {
  await page.waitForFunction(
    () => (window as unknown as { __pc?: RTCPeerConnection }).__pc?.connectionState === 'connected',
    undefined,
    { timeout: timeoutMs },
  );
}

/** DELETEs the session resource and closes the peer connection, as a publisher's stop does. */
export async function stopFromPage(page: Page, token: string): Promise<number> {
  return page.evaluate(async (token) => {
    const w = window as unknown as { __pc: RTCPeerConnection; __stream: MediaStream; __location: string };
    const response = await fetch(w.__location, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });
    w.__pc.close();
    for (const track of w.__stream.getTracks()) track.stop();
    return response.status;
  }, token);
}
