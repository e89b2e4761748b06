import type { Page } from 'playwright-core';

export interface PageWatch {
  status: number;
  location: string | null;
  /** The error code when refused. */
  code: string | null;
}

/**
 * Watches a WHEP endpoint from the page as the console does: a recvonly RTCPeerConnection, the offer POSTed with
 * the page's cookies. The connection is kept as window.__whep[key].
 */
export async function watchFromPage(page: Page, whepUrl: string, key: string): Promise<PageWatch> {
  return page.evaluate(
    async ({ whepUrl, key }) => {
      const pc = new RTCPeerConnection();
      pc.addTransceiver('video', { direction: 'recvonly' });
      pc.addTransceiver('audio', { direction: 'recvonly' });
      await pc.setLocalDescription(await pc.createOffer());
      const response = await fetch(whepUrl, { method: 'POST', headers: { 'Content-Type': 'application/sdp' }, body: pc.localDescription!.sdp });
      const w = window as unknown as { __whep?: Record<string, { pc: RTCPeerConnection; location: string }> };
      w.__whep ??= {};
      if (response.status !== 201) {
        pc.close();
        const body = (await response.json().catch(() => null)) as { error?: { code?: string } } | null;
        return { status: response.status, location: null, code: body?.error?.code ?? null };
      }
      const location = new URL(response.headers.get('Location')!, whepUrl).toString();
      await pc.setRemoteDescription({ type: 'answer', sdp: await response.text() });
      w.__whep[key] = { pc, location };
      return { status: 201, location, code: null };
    },
    { whepUrl, key },
  );
}

export interface ReceivedVideo {
  framesDecoded: number;
  frameWidth: number;
  frameHeight: number;
  /** Average time a frame waited in the jitter buffer (ms): most of the glass-to-glass delay on a LAN. */
  jitterBufferMs: number;
}

/** The video the page's WHEP connection `key` has received so far (inbound-rtp stats). */
export async function receivedVideo(page: Page, key: string): Promise<ReceivedVideo> {
  return page.evaluate(async (key) => {
    const w = window as unknown as { __whep: Record<string, { pc: RTCPeerConnection }> };
    const stats = await w.__whep[key]!.pc.getStats();
    for (const report of stats.values()) {
      if (report.type === 'inbound-rtp' && report.kind === 'video') {
        return {
          framesDecoded: report.framesDecoded ?? 0,
          frameWidth: report.frameWidth ?? 0,
          frameHeight: report.frameHeight ?? 0,
          jitterBufferMs: report.jitterBufferEmittedCount ? (report.jitterBufferDelay / report.jitterBufferEmittedCount) * 1000 : 0,
        };
      }
    }
    return { framesDecoded: 0, frameWidth: 0, frameHeight: 0, jitterBufferMs: 0 };
  }, key);
}

/** DELETEs the WHEP session resource and closes the connection; the DELETE's status. */
export async function stopWatching(page: Page, key: string): Promise<number> {
  return page.evaluate(async (key) => {
    const w = window as unknown as { __whep: Record<string, { pc: RTCPeerConnection; location: string }> };
    const { pc, location } = w.__whep[key]!;
    const response = await fetch(location, { method: 'DELETE' });
    pc.close();
    return response.status;
  }, key);
}
