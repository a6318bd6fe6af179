// Validation of route parameters. Every failure is a ParamError, which the server turns into an
// HTTP 400 with the message as the body, so a typo in a test URL says what is wrong.
import { isValidCloseCode, MAX_CLOSE_REASON_BYTES } from "@wsport/core";

export class ParamError extends Error {
  override name = "ParamError";
}

const MAX_DELAY_MS = 60_000;

export function parseStatus(text: string): number {
  const status = /^\d{3}$/.test(text) ? Number(text) : Number.NaN;
  if (!(status >= 100 && status <= 599) || status === 101) {
    throw new ParamError(
      `Invalid status ${JSON.stringify(text)}: must be an integer from 100 to 599, not 101`,
    );
  }
  return status;
}

export function parseCloseCode(text: string): number {
  const code = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!isValidCloseCode(code)) {
    throw new ParamError(`Invalid close code ${text}: must be 1000-1003, 1007-1014 or 3000-4999`);
  }
  return code;
}

export function parseReason(encoded: string): string {
  let reason: string;
  try {
    reason = decodeURIComponent(encoded);
  } catch {
    throw new ParamError(`Invalid close reason ${JSON.stringify(encoded)}: bad percent-encoding`);
  }
  const bytes = Buffer.byteLength(reason, "utf8");
  if (bytes > MAX_CLOSE_REASON_BYTES) {
    throw new ParamError(
      `Invalid close reason: ${bytes} UTF-8 bytes, at most ${MAX_CLOSE_REASON_BYTES} allowed`,
    );
  }
  return reason;
}

export function parseMs(name: string, text: string): number {
  const ms = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!(Number.isFinite(ms) && ms >= 0 && ms <= MAX_DELAY_MS)) {
    throw new ParamError(
      `Invalid ${name} ${JSON.stringify(text)}: must be a number of ms from 0 to ${MAX_DELAY_MS}`,
    );
  }
  return ms;
}

export function parseCount(name: string, text: string, max: number): number {
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(Number.isSafeInteger(n) && n <= max)) {
    throw new ParamError(`Invalid ${name} ${JSON.stringify(text)}: must be an integer from 0 to ${max}`);
  }
  return n;
}
