import crypto from 'node:crypto';
import net from 'node:net';

export interface RawViewerSocketEvents {
  /** A text message: its bytes are `data[start..end)` (valid only during the call); `at` = performance.now() on arrival. */
  text(data: Buffer, start: number, end: number, at: number): void;
  /** The connection ended (a close frame, an error, or the server going away). */
  closed(code: number, reason: string): void;
}

/**
 * Every socket reads into this one buffer (`onread`: no Buffer per read, no 'data' events); each read is parsed
 * before the next, and a frame cut by a read boundary is copied out.
 */
const READ_BUFFER = Buffer.allocUnsafe(256 * 1024);

/**
 * A WebSocket viewer for the benchmark, as cheap as a client can be: a plain TCP socket read into a shared buffer,
 * the RFC 6455 handshake and frame parsing by hand, no per-message objects. The `ws` client spent 24 µs of CPU per viewer per message; the
 * viewers share the machine with the server they measure, so their cost is time taken from it. It does what a
 * browser must to stay connected: sends masked frames, answers pings, and reports close frames.
 */
export class RawViewerSocket {
  readonly #socket: net.Socket;
  readonly #events: RawViewerSocketEvents;
  /** Bytes received and not yet parsed (the handshake's answer, or a frame split across reads). */
  #pending: Buffer | null = null;
  #upgraded = false;
  #closed = false;
  #onOpen: () => void = () => undefined;
  /** Settles when the handshake succeeded, or fails with the connection's error. */
  readonly opened: Promise<void>;

  constructor(url: string, events: RawViewerSocketEvents) {
    const { hostname, port, pathname } = new URL(url);
    this.#events = events;
    this.#socket = net.connect({
      host: hostname,
      port: Number(port),
      onread: {
        buffer: READ_BUFFER,
        callback: (bytes) => {
          this.#receive(READ_BUFFER.subarray(0, bytes), performance.now());
          return true;
        },
      },
    });
    this.#socket.setNoDelay(true);
    const key = crypto.randomBytes(16).toString('base64');
    this.opened = new Promise((resolve, reject) => {
      this.#socket.once('connect', () => {
        this.#socket.write(
          `GET ${pathname} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
            `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
        );
      });
      this.#onOpen = resolve;
      this.#socket.once('error', (error) => {
        reject(error);
        this.#close(1006, error.message);
      });
    });
    this.#socket.on('close', () => this.#close(1006, 'connection closed'));
  }

  /** Sends one text message (masked, as clients must). */
  send(text: string): void {
    this.#write(0x1, Buffer.from(text));
  }

  terminate(): void {
    this.#socket.destroy();
  }

  #receive(chunk: Buffer, at: number): void {
    let data = this.#pending === null ? chunk : Buffer.concat([this.#pending, chunk]);
    this.#pending = null;
    let offset = 0;
    if (!this.#upgraded) {
      const end = data.indexOf('\r\n\r\n');
      if (end < 0) {
        this.#pending = Buffer.from(data);
        return;
      }
      const status = data.toString('latin1', 0, data.indexOf('\r\n'));
      if (!status.startsWith('HTTP/1.1 101')) {
        this.#close(1006, `handshake refused: ${status}`);
        this.#socket.destroy();
        return;
      }
      this.#upgraded = true;
      this.#onOpen();
      offset = end + 4;
    }
    while (offset < data.length) {
      if (data.length - offset < 2) break;
      const opcode = data[offset]! & 0x0f;
      let length = data[offset + 1]! & 0x7f;
      let header = 2;
      if (length === 126) {
        if (data.length - offset < 4) break;
        length = data.readUInt16BE(offset + 2);
        header = 4;
      } else if (length === 127) {
        if (data.length - offset < 10) break;
        length = data.readUInt32BE(offset + 6);
        header = 10;
      }
      const start = offset + header;
      const end = start + length;
      if (end > data.length) break;
      // Server frames are unmasked and, from this server, never fragmented.
      if (opcode === 0x1) this.#events.text(data, start, end, at);
      else if (opcode === 0x9) this.#write(0xa, data.subarray(start, end));
      else if (opcode === 0x8) {
        this.#close(length >= 2 ? data.readUInt16BE(start) : 1005, data.toString('utf8', start + 2, end));
        this.#socket.destroy();
        return;
      }
      offset = end;
    }
    // A copy: the read buffer is reused by the next read of any socket.
    if (offset < data.length) this.#pending = Buffer.from(data.subarray(offset));
  }

  /** A masked frame; the zero mask keeps the payload as it is (any 4-byte key is valid, RFC 6455 §5.3). */
  #write(opcode: number, payload: Buffer): void {
    if (this.#socket.destroyed) return;
    const length = payload.length;
    const header = length < 126 ? Buffer.from([0x80 | opcode, 0x80 | length, 0, 0, 0, 0]) : Buffer.alloc(8);
    if (length >= 126) {
      if (length >= 65_536) throw new Error('client messages are small');
      header[0] = 0x80 | opcode;
      header[1] = 0x80 | 126;
      header.writeUInt16BE(length, 2);
    }
    this.#socket.write(Buffer.concat([header, payload]));
  }

  #close(code: number, reason: string): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#events.closed(code, reason);
  }
}
