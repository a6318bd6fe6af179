// The one shape every benchmarked client is wrapped in, so each section runs them all alike.

export interface EchoClient {
  /** Sends one binary message. */
  send(payload: Uint8Array): void;
  /** Starts the closing handshake and stops any poll loop. */
  close(): void;
}

export interface ClientKind {
  /** Row label in the tables. */
  name: string;
  /** Extra words printed under the tables (e.g. how a poll loop is driven). */
  note?: string;
  /** Opens a connection; resolves once it is open. `onReply` runs once per echoed message. */
  open(url: string, onReply: () => void): Promise<EchoClient>;
}

/** A client that could not be loaded (its package is not built yet): reported, never run. */
export interface MissingClient {
  name: string;
  missing: string;
}
