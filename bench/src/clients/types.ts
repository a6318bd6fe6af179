// The one shape every benchmarked client is wrapped in, so each section runs them all alike, in Node
// and in the browser pages (the same client files are bundled for Chromium).

export interface EchoClient {
  /** Sends one message: a string as a text message, bytes as a binary one. */
  send(payload: string | Uint8Array): void;
  /** Starts the closing handshake and stops any poll loop. */
  close(): void;
  /** Poll-based clients opened with `driver: "caller"`: one poll + drain, as a game frame does it. */
  poll?(): void;
}

export interface OpenOptions {
  /**
   * Who drives a poll-based client (Godot): "turn" (default) polls on every event-loop turn, so the
   * figures are the library's and not a frame clock's; "caller" leaves it to `poll()`, once per frame.
   * Event-driven clients ignore it.
   */
  driver?: "turn" | "caller";
}

export interface ClientKind {
  /** Row label in the tables. */
  name: string;
  /** Extra words printed under the tables (e.g. how a poll loop is driven). */
  note?: string;
  /** Opens a connection; resolves once it is open. `onReply` runs once per echoed message (text or binary). */
  open(url: string, onReply: () => void, options?: OpenOptions): Promise<EchoClient>;
}

/** A client that could not be loaded (its package is not built yet): reported, never run. */
export interface MissingClient {
  name: string;
  missing: string;
}
