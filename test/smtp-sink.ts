import net from 'node:net';

/** A message the sink accepted: the envelope and the raw message as sent over the wire. */
export type SinkMessage = { from: string; to: string[]; raw: string };

/** A tiny SMTP server for tests: real SMTP conversations on a local port, messages kept in memory. */
export type SmtpSink = {
  url: string;
  messages: SinkMessage[];
  /** `reject-recipient` answers 550 to RCPT TO, quoting the address as real servers do. */
  mode: 'accept' | 'reject-recipient';
  close(): Promise<void>;
};

/** Starts the sink on a free loopback port. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    converse(socket, sink);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const sink: SmtpSink = {
    url: `smtp://127.0.0.1:${port}`,
    messages: [],
    mode: 'accept',
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return sink;
}

function converse(socket: net.Socket, sink: SmtpSink): void {
  const reply = (line: string) => socket.write(`${line}\r\n`);
  let envelope: { from: string; to: string[] } = { from: '', to: [] };
  let data: string[] | undefined;
  let buffer = '';
  reply('220 sink.example.invalid ESMTP test sink');
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (data) {
        if (line !== '.') data.push(line.startsWith('.') ? line.slice(1) : line);
        else {
          sink.messages.push({ ...envelope, raw: data.join('\r\n') });
          data = undefined;
          reply('250 2.0.0 queued');
        }
        continue;
      }
      const address = /<([^>]*)>/.exec(line)?.[1] ?? '';
      switch (line.slice(0, 4).toUpperCase()) {
        case 'EHLO':
          reply('250-sink.example.invalid');
          reply('250 8BITMIME');
          break;
        case 'MAIL':
          envelope = { from: address, to: [] };
          reply('250 2.1.0 ok');
          break;
        case 'RCPT':
          if (sink.mode === 'reject-recipient') reply(`550 5.1.1 <${address}>: recipient unknown`);
          else {
            envelope.to.push(address);
            reply('250 2.1.5 ok');
          }
          break;
        case 'DATA':
          data = [];
          reply('354 go ahead');
          break;
        case 'QUIT':
          reply('221 bye');
          socket.end();
          break;
        default:
          reply('250 ok'); // RSET, NOOP, HELO
      }
    }
  });
}

/** A message decoded for assertions: its headers (encoded words decoded) and its text body. */
export function decodeMessage(raw: string): { headers: Map<string, string>; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of raw
    .slice(0, split)
    .replace(/\r\n[ \t]+/g, ' ')
    .split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  const body = raw.slice(split + 4);
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body.replace(/=\r\n/g, ''))
        : body;
  return { headers, text: text.replace(/\r\n/g, '\n') };
}

function qpBytes(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i] ?? '', 'utf8'));
  }
  return Buffer.from(bytes);
}

function decodeQuotedPrintable(text: string): string {
  return qpBytes(text).toString('utf8');
}

/** Decodes RFC 2047 encoded words; adjacent words are joined as bytes, so a character split between them survives. */
function decodeWords(value: string): string {
  return value.replace(/(=\?utf-8\?[BQ]\?[^?]*\?=\s*)+/gi, (run) => {
    const words = [...run.matchAll(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi)];
    const bytes = words.map(([, kind, text = '']) =>
      kind?.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : qpBytes(text.replace(/_/g, ' ')),
    );
    return Buffer.concat(bytes).toString('utf8') + (/\s$/.test(run) ? ' ' : '');
  });
}
