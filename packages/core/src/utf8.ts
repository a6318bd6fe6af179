// UTF-8 helpers shared by every adapter. One encoder and two decoders for the whole process.
// Marked pure so that a bundle which uses none of them drops them.
const encoder = /* @__PURE__ */ new TextEncoder();
const lenientDecoder = /* @__PURE__ */ new TextDecoder("utf-8");
const strictDecoder = /* @__PURE__ */ new TextDecoder("utf-8", { fatal: true });

export function encodeUtf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Decodes UTF-8; invalid bytes become U+FFFD, or throw a TypeError when `fatal` is set. */
export function decodeUtf8(bytes: Uint8Array, fatal = false): string {
  return (fatal ? strictDecoder : lenientDecoder).decode(bytes);
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    strictDecoder.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The number of bytes `text` takes in UTF-8, without encoding it. */
export function utf8ByteLength(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 2; // a surrogate pair: 4 bytes for 2 UTF-16 units
        i++;
      } else bytes += 2;
    } else bytes += 2;
  }
  return bytes;
}

/**
 * Whether `text` takes at most `limit` bytes in UTF-8. A UTF-16 unit takes 1 to 3 bytes, so the
 * text is measured only when its length alone cannot tell.
 */
export function utf8FitsIn(text: string, limit: number): boolean {
  if (text.length * 3 <= limit) return true;
  return text.length <= limit && utf8ByteLength(text) <= limit;
}

/** A message payload as a string (text messages in Node arrive as UTF-8 bytes). */
export function messageText(data: string | Uint8Array): string {
  return typeof data === "string" ? data : lenientDecoder.decode(data);
}

/** A message payload as bytes, without a copy when it already is bytes. */
export function messageBytes(data: string | Uint8Array): Uint8Array {
  return typeof data === "string" ? encoder.encode(data) : data;
}
