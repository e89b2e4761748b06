/**
 * A WHEP (draft-ietf-wish-whep) viewer for the console's monitors: a recvonly RTCPeerConnection whose offer is
 * POSTed with the session cookie; DELETE on stop. The server answers with every candidate (ICE-lite), so there
 * is nothing to trickle.
 */
export class WhepViewer {
  readonly stream = new MediaStream();
  #pc: RTCPeerConnection | undefined;
  #location: string | undefined;

  /** Connects to `url`; rejects with the server's message when it refuses (not live, camera not publishing). */
  async start(url: string): Promise<MediaStream> {
    const pc = new RTCPeerConnection();
    this.#pc = pc;
    pc.addTransceiver('video', { direction: 'recvonly' });
    pc.addTransceiver('audio', { direction: 'recvonly' });
    pc.ontrack = (event) => this.stream.addTrack(event.track);
    await pc.setLocalDescription(await pc.createOffer());
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/sdp' },
      body: pc.localDescription!.sdp,
    });
    if (response.status !== 201) {
      pc.close();
      const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
    }
    this.#location = new URL(response.headers.get('Location')!, url).toString();
    await pc.setRemoteDescription({ type: 'answer', sdp: await response.text() });
    return this.stream;
  }

  /** Whether the connection failed or was closed by the server (the camera left): time to start again. */
  get broken(): boolean {
    const state = this.#pc?.connectionState;
    return state === 'failed' || state === 'closed' || this.stream.getVideoTracks().some((track) => track.readyState === 'ended');
  }

  stop(): void {
    const location = this.#location;
    this.#location = undefined;
    this.#pc?.close();
    this.#pc = undefined;
    if (location) void fetch(location, { method: 'DELETE', credentials: 'same-origin' }).catch(() => undefined);
  }
}
