// Subprotocol selection. With a configured list: the first protocol the client offers that is in it.
// Without one: the first protocol the client offers, so clients can test negotiation with no server
// setup, except names starting with "refuse" (e.g. "refuse-me"), which are never selected so
// clients can test a refused subprotocol (101 without Sec-WebSocket-Protocol).
export function selectProtocol(
  offered: Set<string>,
  supported: readonly string[] | undefined,
): string | false {
  for (const protocol of offered) {
    if (supported ? supported.includes(protocol) : !protocol.startsWith("refuse")) return protocol;
  }
  return false;
}
