import dgram from 'node:dgram';
import { readFile } from 'node:fs/promises';

const RANGE_START = 20000;
const RANGE_END = 39998;
const reserved = new Set<number>();

/**
 * An even RTP port whose RTCP neighbour (port + 1) is free too, on 127.0.0.1. Ports handed out
 * stay reserved in this process until released, so two pipelines never get the same pair.
 */
export async function allocateRtpPortPair(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = RANGE_START + 2 * Math.floor(Math.random() * ((RANGE_END - RANGE_START) / 2));
    if (reserved.has(port)) continue;
    if ((await isFree(port)) && (await isFree(port + 1))) {
      reserved.add(port);
      return port;
    }
  }
  throw new Error('no free UDP port pair for FFmpeg between 20000 and 39999');
}

export function releaseRtpPortPair(port: number): void {
  reserved.delete(port);
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    socket.once('error', () => {
      socket.close();
      resolve(false);
    });
    socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
  });
}

/**
 * Waits until some process has bound every given UDP port. Read from /proc/net/udp rather than by
 * trying to bind, which could steal the port from FFmpeg in the instant it binds it.
 */
export async function waitForUdpPortsBound(ports: number[], timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const bound = await boundUdpPorts();
    if (ports.every((p) => bound.has(p))) return true;
    await new Promise((r) => setTimeout(r, 15));
  }
  return false;
}

async function boundUdpPorts(): Promise<Set<number>> {
  const bound = new Set<number>();
  for (const file of ['/proc/net/udp', '/proc/net/udp6']) {
    const text = await readFile(file, 'utf8').catch(() => '');
    for (const line of text.split('\n').slice(1)) {
      const local = line.trim().split(/\s+/)[1];
      const hexPort = local?.split(':').pop();
      if (hexPort) bound.add(parseInt(hexPort, 16));
    }
  }
  return bound;
}
