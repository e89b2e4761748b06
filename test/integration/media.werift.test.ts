import { spawn, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaStreamTrack, RTCPeerConnection, RTCRtpCodecParameters, RtpPacket } from 'werift';
import { decodeErrors, firstVideoFrameIsKeyframe, probeStreams } from '../helpers/ffprobe.js';
import { HARNESS_TOKEN, startMediaHarness, type MediaHarness } from '../helpers/mediaHarness.js';

/**
 * A publisher that is not a browser: werift (a WebRTC stack in TypeScript, as OBS's libdatachannel
 * or a hardware encoder's stack would be) writes its own offer, with a full ICE agent of its own,
 * and sends H.264 and Opus that FFmpeg encodes — a keyframe every second, as an encoder set to a
 * fixed keyframe interval does.
 */
let harness: MediaHarness;
let pc: RTCPeerConnection;
let encoder: ChildProcess;
const sockets: dgram.Socket[] = [];

beforeAll(async () => {
  harness = await startMediaHarness({ 'obs-like': 'interview-werift' }, { min: 41200, max: 41300 });
});

afterAll(async () => {
  encoder?.kill('SIGKILL');
  for (const socket of sockets) socket.close();
  await pc?.close();
  await harness?.close();
});

/** Receives FFmpeg's RTP on a local port and hands each packet to the werift track. */
async function rtpInto(track: MediaStreamTrack, payloadType: () => number): Promise<number> {
  const socket = dgram.createSocket('udp4');
  sockets.push(socket);
  socket.on('message', (message) => {
    const packet = RtpPacket.deSerialize(message);
    packet.header.payloadType = payloadType();
    track.writeRtp(packet);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
  return (socket.address() as AddressInfo).port;
}

describe('a non-browser WebRTC publisher (werift)', () => {
  it('publishes H.264 + Opus over WHIP; the server answers its offer and writes HLS and a recording', async () => {
    pc = new RTCPeerConnection({
      codecs: {
        video: [
          new RTCRtpCodecParameters({
            mimeType: 'video/H264',
            clockRate: 90000,
            rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }, { type: 'goog-remb' }],
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

    const response = await fetch(harness.whipUrl('obs-like'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/sdp', Authorization: `Bearer ${HARNESS_TOKEN}` },
      body: pc.localDescription!.sdp,
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toMatch(/^\/whip\/obs-like\//);
    const location = new URL(response.headers.get('location')!, harness.base).toString();
    await pc.setRemoteDescription({ type: 'answer', sdp: await response.text() });

    const live = harness.nextEvent('programLive', 'interview-werift', 30_000);
    const connected = new Promise<void>((resolve) => {
      pc.connectionStateChange.subscribe((state) => {
        if (state === 'connected') resolve();
      });
    });
    await connected;

    const videoPort = await rtpInto(video, () => videoTransceiver.codecs[0]!.payloadType);
    const audioPort = await rtpInto(audio, () => audioTransceiver.codecs[0]!.payloadType);
    encoder = spawn('ffmpeg', [
      '-hide_banner', '-loglevel', 'error', '-re',
      '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=30',
      '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000',
      '-map', '0:v', '-c:v', 'libx264', '-profile:v', 'baseline', '-preset', 'ultrafast', '-tune', 'zerolatency',
      '-g', '30', '-bsf:v', 'dump_extra', '-f', 'rtp', '-payload_type', '102', `rtp://127.0.0.1:${videoPort}?pkt_size=1200`,
      '-map', '1:a', '-c:a', 'libopus', '-ac', '2', '-b:a', '64k', '-f', 'rtp', '-payload_type', '111', `rtp://127.0.0.1:${audioPort}?pkt_size=1200`,
    ], { stdio: 'ignore' });

    await live;
    const segments = await harness.waitForSegments('interview-werift', 3, 30_000);
    const first = `${harness.hlsDir('interview-werift')}/${segments[0]}`;
    expect((await probeStreams(first)).map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
    for (const segment of segments) {
      expect(await firstVideoFrameIsKeyframe(`${harness.hlsDir('interview-werift')}/${segment}`)).toBe(true);
    }

    const ended = harness.nextEvent<{ recordingPaths: string[] }>('programEnded', 'interview-werift');
    const deleted = await fetch(location, { method: 'DELETE', headers: { Authorization: `Bearer ${HARNESS_TOKEN}` } });
    expect(deleted.status).toBe(200);
    const { recordingPaths } = await ended;
    expect(recordingPaths).toHaveLength(1);
    const streams = await probeStreams(recordingPaths[0]!);
    expect(streams.find((s) => s.codec_type === 'video')).toMatchObject({ codec_name: 'h264', width: 640, height: 360 });
    expect(await decodeErrors(recordingPaths[0]!)).toBe('');
  });
});
