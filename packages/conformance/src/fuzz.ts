// Fuzz: random and malformed handshakes and frames at @wsport/server over raw TCP (node:net). Each bad
// frame must get the right close code; the server must keep running; a well-behaved client
// connected the whole time must see every echo.
import { randomBytes } from "node:crypto";
import { connect, type Socket } from "node:net";
import fc from "fast-check";
import WebSocket from "ws";

/** A frame a client must not send, and the close code RFC 6455 prescribes for it. */
export interface BadFrame {
  kind: string;
  bytes: Uint8Array;
  code: 1002 | 1007 | 1009;
}

function frame(first: number, payload: Uint8Array, masked = true, declared = payload.length): Uint8Array {
  const head: number[] = [first];
  const mask = masked ? 0x80 : 0;
  if (declared < 126) head.push(mask | declared);
  else if (declared < 65536) head.push(mask | 126, declared >> 8, declared & 0xff);
  else
    head.push(
      mask | 127,
      0,
      0,
      0,
      0,
      (declared >>> 24) & 0xff,
      (declared >> 16) & 0xff,
      (declared >> 8) & 0xff,
      declared & 0xff,
    );
  const key = masked ? [...randomBytes(4)] : [];
  const body = payload.map((b, i) => (masked ? b ^ key[i % 4]! : b));
  return new Uint8Array([...head, ...key, ...body]);
}

const bytes = (max: number) => fc.uint8Array({ maxLength: max });
/** Bytes that are not valid UTF-8: a random prefix, then a lone continuation or an overlong/truncated sequence. */
const invalidUtf8 = fc
  .tuple(
    fc.string({ maxLength: 20 }),
    fc.constantFrom(
      [0x80],
      [0xc3, 0x28],
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf8, 0x88, 0x80, 0x80, 0x80],
      [0xe2, 0x82],
    ),
  )
  .map(([prefix, bad]) => new Uint8Array([...new TextEncoder().encode(prefix), ...bad]));

export function badFrame(maxPayload: number): fc.Arbitrary<BadFrame> {
  return fc.oneof(
    fc
      .tuple(fc.constantFrom(3, 4, 5, 6, 7, 0xb, 0xc, 0xd, 0xe, 0xf), bytes(50))
      .map(([op, p]) => ({ kind: "reserved opcode", bytes: frame(0x80 | op, p), code: 1002 as const })),
    fc
      .tuple(fc.constantFrom(0x40, 0x20, 0x10, 0x60, 0x70), fc.constantFrom(1, 2), bytes(50))
      .map(([rsv, op, p]) => ({ kind: "RSV bit", bytes: frame(0x80 | rsv | op, p), code: 1002 as const })),
    fc
      .tuple(fc.constantFrom(1, 2), bytes(50))
      .map(([op, p]) => ({ kind: "unmasked", bytes: frame(0x80 | op, p, false), code: 1002 as const })),
    fc.tuple(fc.constantFrom(8, 9, 0xa), fc.integer({ min: 126, max: 300 })).map(([op, n]) => ({
      kind: "control > 125 B",
      bytes: frame(0x80 | op, new Uint8Array(n)),
      code: 1002 as const,
    })),
    fc
      .tuple(fc.constantFrom(9, 0xa), bytes(20))
      .map(([op, p]) => ({ kind: "fragmented control", bytes: frame(op, p), code: 1002 as const })),
    fc.constantFrom(0, 1).map((fin) => ({
      kind: "continuation first",
      bytes: frame((fin << 7) | 0, new Uint8Array(3)),
      code: 1002 as const,
    })),
    invalidUtf8.map((p) => ({ kind: "invalid UTF-8", bytes: frame(0x81, p), code: 1007 as const })),
    fc
      .integer({ min: maxPayload + 1, max: maxPayload * 4 })
      .map((n) => ({ kind: "too big", bytes: frame(0x82, new Uint8Array(0), true, n), code: 1009 as const })),
  );
}

/** A handshake that is not a valid WebSocket upgrade: random bytes, or a valid one with a part broken. */
export const badHandshake: fc.Arbitrary<Uint8Array> = fc.oneof(
  bytes(300),
  fc
    .tuple(
      fc.constantFrom("GET", "POST", "G\u00e9T", ""),
      fc.constantFrom("/", "", "*", "/%zz"),
      fc.constantFrom("HTTP/1.1", "HTTP/1.0", "HTTP/9", "xx"),
      fc.constantFrom("13", "8", "", "abc"),
      fc.constantFrom("websocket", "", "h2c"),
      fc.string({ maxLength: 40 }),
    )
    .map(([m, path, v, ver, up, key]) =>
      new TextEncoder().encode(
        `${m} ${path} ${v}\r\nHost: x\r\nUpgrade: ${up}\r\nConnection: Upgrade\r\nSec-WebSocket-Version: ${ver}\r\nSec-WebSocket-Key: ${key}\r\n\r\n`,
      ),
    ),
);

function validUpgrade(): string {
  const key = randomBytes(16).toString("base64");
  return `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${key}\r\n\r\n`;
}

/** Opens a raw TCP connection, writes `parts` in order (waiting for the 101 between them), collects what comes back until the server closes. */
function exchange(
  port: number,
  parts: Array<Uint8Array | string>,
  waitFor101: boolean,
  timeoutMs = 3000,
): Promise<{ data: Buffer; closed: boolean }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket: Socket = connect(port, "127.0.0.1");
    let upgraded = !waitFor101;
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ data: Buffer.concat(chunks), closed: false });
    }, timeoutMs);
    socket.on("connect", () => {
      socket.write(parts[0]!);
      if (upgraded) for (const p of parts.slice(1)) socket.write(p);
    });
    socket.on("data", (d) => {
      chunks.push(d);
      if (!upgraded && Buffer.concat(chunks).includes("\r\n\r\n")) {
        upgraded = true;
        chunks.length = 0; // the 101 response; the frames that follow are what we check
        for (const p of parts.slice(1)) socket.write(p);
      }
    });
    socket.on("error", () => {});
    socket.on("close", () => {
      clearTimeout(timer);
      resolve({ data: Buffer.concat(chunks), closed: true });
    });
  });
}

/** The status code of the first close frame the server sent, or undefined. */
export function closeCode(data: Buffer): number | undefined {
  let at = 0;
  while (at + 2 <= data.length) {
    const op = data[at]! & 0x0f;
    let len = data[at + 1]! & 0x7f;
    let off = at + 2;
    if (len === 126) {
      len = data.readUInt16BE(off);
      off += 2;
    } else if (len === 127) {
      len = Number(data.readBigUInt64BE(off));
      off += 8;
    }
    if (op === 8) return len >= 2 ? data.readUInt16BE(off) : 1005;
    at = off + len;
  }
  return undefined;
}

export interface FuzzResult {
  frames: number;
  handshakes: number;
  wrongCode: string[];
  notClosed: number;
  probeEchoes: number;
  probeMissed: number;
  probeClosed: boolean;
}

/**
 * Runs `cases` cases (3 bad frames to 1 bad handshake) against a server on `port` whose maxPayload is
 * `maxPayload`, with a well-behaved client echoing every 20 ms the whole time.
 */
export async function fuzzServer(
  port: number,
  maxPayload: number,
  cases: number,
  seed = 1,
): Promise<FuzzResult> {
  const result: FuzzResult = {
    frames: 0,
    handshakes: 0,
    wrongCode: [],
    notClosed: 0,
    probeEchoes: 0,
    probeMissed: 0,
    probeClosed: false,
  };
  const probe = new WebSocket(`ws://127.0.0.1:${port}/`);
  await new Promise((resolve, reject) => {
    probe.once("open", resolve);
    probe.once("error", reject);
  });
  let pending = 0;
  probe.on("message", () => {
    pending--;
    result.probeEchoes++;
  });
  probe.on("close", () => (result.probeClosed = true));
  const ticker = setInterval(() => {
    if (pending > 5) result.probeMissed++;
    pending++;
    probe.send(`tick ${result.probeEchoes}`);
  }, 20);

  const frameCases = Math.ceil((cases * 3) / 4);
  await fc.assert(
    fc.asyncProperty(badFrame(maxPayload), async (bad) => {
      const { data, closed } = await exchange(port, [validUpgrade(), bad.bytes], true);
      result.frames++;
      if (!closed) result.notClosed++;
      const code = closeCode(data);
      if (code !== bad.code && result.wrongCode.length < 20)
        result.wrongCode.push(`${bad.kind}: got ${code}, want ${bad.code}`);
      return true;
    }),
    { numRuns: frameCases, seed },
  );
  await fc.assert(
    fc.asyncProperty(badHandshake, async (request) => {
      // An incomplete request may legitimately wait for more (Node's headersTimeout ends it later):
      // the client gives up at once; a complete one must be answered and closed.
      const complete = Buffer.from(request).includes("\r\n\r\n");
      const { closed } = await exchange(port, [request], false, complete ? 3000 : 50);
      result.handshakes++;
      if (complete && !closed) result.notClosed++;
      return true;
    }),
    { numRuns: cases - frameCases, seed },
  );
  clearInterval(ticker);
  await new Promise((r) => setTimeout(r, 200));
  if (pending > 1) result.probeMissed += pending - 1;
  probe.removeAllListeners("close"); // from here on the close is ours
  probe.close();
  return result;
}
