import net from 'node:net';

/** One message the sink accepted: the envelope and the raw DATA (dot-unstuffed, CRLF line ends). */
export interface SunkMessage {
  from: string;
  to: string[];
  data: string;
}

/**
 * A minimal SMTP server (RFC 5321: greeting, EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) that keeps every message
 * it accepts: enough for nodemailer to deliver to it over a real TCP conversation. No TLS and no AUTH advertised.
 */
export class SmtpSink {
  readonly messages: SunkMessage[] = [];
  readonly #server = net.createServer((socket) => this.#converse(socket));
  readonly #sockets = new Set<net.Socket>();

  /** Listens on 127.0.0.1 (`port` 0: any free one); answers the port. */
  listen(port = 0): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(port, '127.0.0.1', () => resolve((this.#server.address() as net.AddressInfo).port));
    });
  }

  close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  #converse(socket: net.Socket): void {
    this.#sockets.add(socket);
    socket.on('close', () => this.#sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let buffer = '';
    let envelope: SunkMessage = { from: '', to: [], data: '' };
    let inData = false;
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 sink.test ESMTP');
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line !== '.') {
            envelope.data += `${line.startsWith('..') ? line.slice(1) : line}\r\n`;
            continue;
          }
          inData = false;
          this.messages.push(envelope);
          envelope = { from: '', to: [], data: '' };
          reply('250 2.0.0 queued');
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') reply('250-sink.test\r\n250 8BITMIME');
        else if (verb === 'HELO' || verb === 'RSET' || verb === 'NOOP') reply('250 OK');
        else if (verb === 'MAIL') (envelope.from = addressIn(line), reply('250 OK'));
        else if (verb === 'RCPT') (envelope.to.push(addressIn(line)), reply('250 OK'));
        else if (verb === 'DATA') (inData = true, reply('354 end with <CRLF>.<CRLF>'));
        else if (verb === 'QUIT') (reply('221 bye'), socket.end());
        else reply('502 5.5.2 not implemented');
      }
    });
  }
}

function addressIn(line: string): string {
  return /<([^>]*)>/.exec(line)?.[1] ?? '';
}
