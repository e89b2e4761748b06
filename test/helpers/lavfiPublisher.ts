import { spawn, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { MediaStreamTrack, RTCPeerConnection, RTCRtpCodecParameters, RtpPacket } from 'werift';

/** Frames per second of the publisher's picture. */
export const COUNTER_FPS = 25;

/**
 * A picture that says which frame it is: frame N is flat grey with luma 16 + 4·(N mod 50), Cb 16 + 4·(⌊N/50⌋ mod 50)
 * and Cr 16 + 4·(⌊N/2500⌋ mod 50), so any recorded frame can be read back (see frameNumberOf) and compared with
 * when the publisher sent it. Flat pictures survive H.264 exactly at these steps.
 */
export const COUNTER_SOURCE =
  `color=c=black:s=160x120:r=${COUNTER_FPS},format=yuv420p,` +
  'geq=lum_expr=16+4*mod(N\\,50):cb_expr=16+4*mod(floor(N/50)\\,50):cr_expr=16+4*mod(floor(N/2500)\\,50)';

/** Sound that is 2 s of a 440 Hz tone at half scale, then 2 s of silence, over and over (for waveform checks). */
export const GATED_TONE_SOURCE = "aevalsrc='if(lt(mod(t\\,4)\\,2)\\,0.5*sin(2*PI*440*t)\\,0)':s=48000";

/** The frame number a counter frame's average Y, U and V stand for. */
export function frameNumberOf(y: number, u: number, v: number): number {
  const digit = (value: number) => Math.round((value - 16) / 4);
  return digit(y) + 50 * digit(u) + 2500 * digit(v);
}

export interface LavfiPublisher {
  /** The WHIP session resource. */
  location: string;
  /** Wall-clock ms (Date.now) at which frame 0 was sent; frame N goes out N/25 s later. */
  startedAtMs(): number;
  /** The number of the frame being sent at wall-clock `ms`. */
  frameAt(ms: number): number;
  /** DELETE on the session and stop sending. */
  stop(): Promise<void>;
  /** Stop sending without a DELETE (a camera that dropped). */
  drop(): Promise<void>;
}

/**
 * A camera that is not a browser: werift (a WebRTC stack in TypeScript) publishes over WHIP, and FFmpeg encodes the
 * frame-counter picture (H.264 baseline, a keyframe every second, as an encoder set to a fixed interval) and a tone
 * (Opus; `audioSource` replaces it, e.g. GATED_TONE_SOURCE) into it. Cheap on the CPU: 160×120.
 */
export async function publishLavfi(whipUrl: string, token: string, options: { audioSource?: string } = {}): Promise<LavfiPublisher> {
  const pc = new RTCPeerConnection({
    codecs: {
      video: [
        new RTCRtpCodecParameters({
          mimeType: 'video/H264',
          clockRate: 90000,
          rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }],
          parameters: 'profile-level-id=42e01f;packetization-mode=1;level-asymmetry-allowed=1',
        }),
      ],
      audio: [new RTCRtpCodecParameters({ mimeType: 'audio/opus', clockRate: 48000, channels: 2 })],
    },
  });
  const video = new MediaStreamTrack({ kind: 'video' });
  const audio = new MediaStreamTrack({ kind: 'audio' });
  const videoTransceiver = pc.addTransceiver(video, { direction: 'sendonly' });
  const audioTransceiver = pc.addTransceiver(audio, { direction: 'sendonly' });
  await pc.setLocalDescription(await pc.createOffer());
  const response = await fetch(whipUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/sdp', Authorization: `Bearer ${token}` },
    body: pc.localDescription!.sdp,
  });
  if (response.status !== 201) {
    await pc.close();
    throw new Error(`WHIP publish answered ${response.status}: ${await response.text()}`);
  }
  const location = new URL(response.headers.get('location')!, whipUrl).toString();
  await pc.setRemoteDescription({ type: 'answer', sdp: await response.text() });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the publisher did not connect within 15 s')), 15_000);
    pc.connectionStateChange.subscribe((state) => {
      if (state === 'connected') {
        clearTimeout(timer);
        resolve();
      }
    });
  });

  const sockets: dgram.Socket[] = [];
  const rtpInto = async (track: MediaStreamTrack, payloadType: () => number): Promise<number> => {
    const socket = dgram.createSocket('udp4');
    sockets.push(socket);
    socket.on('message', (message) => {
      const packet = RtpPacket.deSerialize(message);
      packet.header.payloadType = payloadType();
      track.writeRtp(packet);
    });
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
    return (socket.address() as AddressInfo).port;
  };
  const videoPort = await rtpInto(video, () => videoTransceiver.codecs[0]!.payloadType);
  const audioPort = await rtpInto(audio, () => audioTransceiver.codecs[0]!.payloadType);
  const encoder: ChildProcess = spawn(
    'ffmpeg',
    [
      '-hide_banner', '-loglevel', 'error', '-nostats', '-progress', 'pipe:1', '-re',
      '-f', 'lavfi', '-i', COUNTER_SOURCE,
      '-f', 'lavfi', '-i', options.audioSource ?? 'sine=frequency=440:sample_rate=48000',
      '-map', '0:v', '-c:v', 'libx264', '-profile:v', 'baseline', '-preset', 'ultrafast', '-tune', 'zerolatency',
      '-g', String(COUNTER_FPS), '-bsf:v', 'dump_extra', '-f', 'rtp', '-payload_type', '102', `rtp://127.0.0.1:${videoPort}?pkt_size=1200`,
      '-map', '1:a', '-c:a', 'libopus', '-ac', '2', '-b:a', '48k', '-f', 'rtp', '-payload_type', '111', `rtp://127.0.0.1:${audioPort}?pkt_size=1200`,
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  // -re sends frame N at start + N/fps; every progress report bounds `start` from above (it is read after it was
  // written), so the smallest bound is the best estimate.
  let startedAt = Number.POSITIVE_INFINITY;
  encoder.stdout!.setEncoding('utf8');
  encoder.stdout!.on('data', (chunk: string) => {
    const now = Date.now();
    for (const match of chunk.matchAll(/out_time_us=(\d+)/g)) startedAt = Math.min(startedAt, now - Number(match[1]) / 1000);
  });
  const stopSending = async () => {
    encoder.kill('SIGKILL');
    for (const socket of sockets) socket.close();
    await pc.close();
  };
  return {
    location,
    startedAtMs: () => startedAt,
    frameAt: (ms) => Math.floor(((ms - startedAt) / 1000) * COUNTER_FPS),
    async stop() {
      await fetch(location, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });
      await stopSending();
    },
    drop: stopSending,
  };
}
