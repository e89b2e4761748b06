import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'sdp-transform';
import { parseWhipOffer } from '../../../media/whip/WhipOffer.js';
import { buildWhipAnswer } from '../../../media/whip/WhipAnswer.js';
import { SdpRejectedError } from '../../../media/errors.js';
import { routerCapabilities } from './routerCapabilities.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/sdp/${name}`, import.meta.url), 'utf8');
const caps = routerCapabilities();

describe('parseWhipOffer', () => {
  it('takes H.264 over VP8 from a Chrome offer, with its RTX stream and SSRCs', () => {
    const offer = parseWhipOffer(fixture('chrome-offer.sdp'), caps);
    const video = offer.tracks.find((t) => t.kind === 'video')!;
    const codec = video.rtpParameters.codecs[0]!;
    expect(codec.mimeType).toBe('video/H264');
    expect(codec.parameters['packetization-mode']).toBe(1);
    expect(video.rtpParameters.codecs[1]).toMatchObject({ mimeType: 'video/rtx', parameters: { apt: codec.payloadType } });
    const sdp = parse(fixture('chrome-offer.sdp'));
    const fid = sdp.media[1]!.ssrcGroups!.find((g) => g.semantics === 'FID')!.ssrcs.split(' ').map(Number);
    expect(video.rtpParameters.encodings).toEqual([{ ssrc: fid[0], rtx: { ssrc: fid[1] } }]);
    expect(offer.setup).toBe('actpass');
    expect(offer.fingerprints[0]!.algorithm).toBe('sha-256');
  });

  it('negotiates transport-cc and leaves out video-orientation', () => {
    const video = parseWhipOffer(fixture('chrome-offer.sdp'), caps).tracks.find((t) => t.kind === 'video')!;
    const uris = video.rtpParameters.headerExtensions!.map((h) => h.uri);
    expect(uris).toContain('http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01');
    expect(uris).not.toContain('urn:3gpp:video-orientation');
    expect(video.rtpParameters.codecs[0]!.rtcpFeedback).toContainEqual({ type: 'transport-cc', parameter: '' });
    expect(video.rtpParameters.codecs[0]!.rtcpFeedback).toContainEqual({ type: 'nack', parameter: 'pli' });
  });

  it('takes Opus audio and nothing else', () => {
    const audio = parseWhipOffer(fixture('chrome-offer.sdp'), caps).tracks.find((t) => t.kind === 'audio')!;
    expect(audio.rtpParameters.codecs).toHaveLength(1);
    expect(audio.rtpParameters.codecs[0]).toMatchObject({ mimeType: 'audio/opus', payloadType: 111, channels: 2 });
  });

  it('accepts an OBS (libdatachannel) offer with session-level ICE, DTLS and setup', () => {
    const offer = parseWhipOffer(fixture('obs-offer.sdp'), caps);
    expect(offer.iceUfrag).toBe('Zy3T');
    expect(offer.tracks.map((t) => t.kind)).toEqual(['audio', 'video']);
    const video = offer.tracks[1]!;
    expect(video.rtpParameters.codecs).toHaveLength(1);
    expect(video.rtpParameters.encodings).toEqual([{ ssrc: 3451584232 }]);
  });

  it('accepts a Firefox offer: session fingerprint, H.264 pm=1 chosen over pm=0 and VP8', () => {
    const video = parseWhipOffer(fixture('firefox-offer.sdp'), caps).tracks.find((t) => t.kind === 'video')!;
    expect(video.payloadType).toBe(126);
    expect(video.rtxPayloadType).toBe(127);
    expect(video.rtpParameters.rtcp?.reducedSize).toBe(true);
  });

  it('accepts a GStreamer offer without SSRC lines (MID routing), video first, profile 42c01f', () => {
    const offer = parseWhipOffer(fixture('gstreamer-offer.sdp'), caps);
    expect(offer.tracks.map((t) => [t.kind, t.mid])).toEqual([['video', 'video0'], ['audio', 'audio1']]);
    expect(offer.tracks[0]!.rtpParameters.encodings).toEqual([{}]);
    expect(offer.tracks[1]!.rtpParameters.codecs[0]!.mimeType.toLowerCase()).toBe('audio/opus');
  });

  it('falls back to VP8 when no usable H.264 is offered', () => {
    const sdp = fixture('chrome-offer.sdp').replace(/packetization-mode=1/g, 'packetization-mode=0');
    const video = parseWhipOffer(sdp, caps).tracks.find((t) => t.kind === 'video')!;
    expect(video.rtpParameters.codecs[0]!.mimeType).toBe('video/VP8');
  });

  const rejections: [string, (sdp: string) => string, RegExp][] = [
    ['not SDP', () => 'hello', /not an SDP offer/],
    ['no video', (s) => s.replace(/m=video[\s\S]*$/, ''), /no video/],
    ['no BUNDLE', (s) => s.replace(/a=group:BUNDLE.*\r\n/, ''), /BUNDLE/],
    ['no rtcp-mux', (s) => s.replace(/a=rtcp-mux\r\n/g, ''), /rtcp-mux/],
    ['plain RTP', (s) => s.replace(/UDP\/TLS\/RTP\/SAVPF/g, 'RTP/AVP'), /DTLS-SRTP/],
    ['no fingerprint', (s) => s.replace(/a=fingerprint.*\r\n/g, ''), /fingerprint/],
    ['only unsupported video codecs', (s) => s.replace(/H264\/90000/g, 'H265/90000').replace(/VP8\/90000/g, 'VP7/90000'), /H\.264 with packetization-mode=1 or VP8/],
    ['simulcast', (s) => s.replace('a=mid:1\r\n', 'a=mid:1\r\na=rid:h send\r\na=rid:l send\r\na=simulcast:send h;l\r\n'), /simulcast/],
  ];
  it.each(rejections)('rejects %s with a reason', (_name, mutate, reason) => {
    const attempt = () => parseWhipOffer(mutate(fixture('chrome-offer.sdp')), caps);
    expect(attempt).toThrow(SdpRejectedError);
    expect(attempt).toThrow(reason);
  });
});

describe('buildWhipAnswer', () => {
  const local = {
    iceParameters: { usernameFragment: 'ufragLocal', password: 'pwdLocal', iceLite: true },
    iceCandidates: [
      { foundation: 'udpcandidate', priority: 1076302079, ip: '127.0.0.1', protocol: 'udp' as const, port: 40001, type: 'host' as const },
      { foundation: 'tcpcandidate', priority: 1076276479, ip: '127.0.0.1', protocol: 'tcp' as const, port: 40002, type: 'host' as const, tcpType: 'passive' as const },
    ],
    fingerprint: { algorithm: 'sha-256' as const, value: 'AA:BB' },
    setup: 'passive' as const,
  };

  it('answers every offered section in order, ICE-lite, recvonly, with only the chosen codecs', () => {
    const offerSdp = fixture('chrome-offer.sdp');
    const offer = parseWhipOffer(offerSdp, caps);
    const answer = parse(buildWhipAnswer(offer, local));
    expect(answer.icelite).toBe('ice-lite');
    expect(answer.groups).toEqual([{ type: 'BUNDLE', mids: '0 1' }]);
    expect(answer.media.map((m) => String(m.mid))).toEqual(['0', '1']);
    const video = answer.media[1]!;
    expect(video.direction).toBe('recvonly');
    expect(video.setup).toBe('passive');
    expect(video.rtp.map((r) => r.codec)).toEqual(['H264', 'rtx']);
    expect(video.candidates).toHaveLength(2);
    expect(video.candidates![1]!.tcptype).toBe('passive');
    expect(video.ext!.map((e) => e.uri)).not.toContain('urn:3gpp:video-orientation');
  });

  it('rejects extra sections with port 0 and keeps them out of BUNDLE', () => {
    const withData = fixture('obs-offer.sdp').replace('a=group:BUNDLE 0 1', 'a=group:BUNDLE 0 1 2') +
      'm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\na=mid:2\r\na=sctp-port:5000\r\n';
    const answer = parse(buildWhipAnswer(parseWhipOffer(withData, caps), local));
    expect(answer.media).toHaveLength(3);
    expect(answer.media[2]!.port).toBe(0);
    expect(answer.groups![0]!.mids).toBe('0 1');
  });
});
