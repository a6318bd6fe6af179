// What the Node TLS tests share: a key and self-signed certificate made once per file by Crypto (RSA
// 2048 takes a moment), and raw TCP sockets destroyed after each test.
import type { Socket } from "node:net";
import { Crypto, type CryptoKey, type X509Certificate } from "@wsport/godot-compat";
import { afterEach, beforeAll } from "vitest";

/** Filled before the file's tests run: a private key and a certificate for "CN=myserver,O=wsport,C=IT". */
export function selfSigned(): { key: CryptoKey; cert: X509Certificate } {
  const made = {} as { key: CryptoKey; cert: X509Certificate };
  beforeAll(() => {
    const crypto = Crypto.new();
    made.key = crypto.generate_rsa(2048)!;
    made.cert = crypto.generate_self_signed_certificate(made.key, "CN=myserver,O=wsport,C=IT")!;
  });
  return made;
}

/** A list to push raw sockets on; each is destroyed after the test. */
export function rawSockets(): Socket[] {
  const sockets: Socket[] = [];
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.destroy();
  });
  return sockets;
}
