// The lifecycle every transport shares: states, the connect timeout, and the promise that events
// come later than the call that caused them, with exactly one close. Argument checks are in checks.ts.
import type { ArgumentChecks } from "./checks.js";
import type { Capabilities, ConnectionEvent, ErrorEvent, ReadyState } from "./types.js";

export abstract class Connection {
  /** The URL as given; server-side, "ws://" + the Host header + the request path once it is read. */
  url: string;
  /** The subprotocol the server selected, "" until open or when none. */
  protocol = "";
  /** The one consumer of this connection's events. Events never fire inside connect/send/close. */
  onevent: ((event: ConnectionEvent) => void) | null = null;
  abstract readonly capabilities: Capabilities;

  #state: ReadyState = "connecting";
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Set once we have reported a failure ourselves, so the transport's own echo of it is dropped. */
  #failed = false;
  /** Set by terminate(): the close is reported as abnormal whatever the transport saw. */
  #terminated = false;
  readonly #checks: ArgumentChecks | undefined;

  /** @internal Only the transports construct connections; users get one from `connect()` (adapters from `connectUnchecked()`). */
  constructor(url: string, timeout: number, checks?: ArgumentChecks) {
    this.url = url;
    this.#checks = checks;
    if (timeout > 0) this.#timer = setTimeout(() => this.#timeout(timeout), timeout);
  }

  get state(): ReadyState {
    return this.#state;
  }

  /** Bytes queued for sending and not yet written to the network. */
  abstract get bufferedAmount(): number;
  /** The peer's IP address, or "" where the runtime does not tell. */
  get remoteAddress(): string {
    return "";
  }
  /** The peer's TCP port, or 0 where the runtime does not tell. */
  get remotePort(): number {
    return 0;
  }
  /** Sets TCP_NODELAY; false where the runtime has no such switch. */
  setNoDelay(_enabled: boolean): boolean {
    return false;
  }

  /**
   * Sends one message: a string as a text frame, bytes as a binary frame. `binary` overrides the
   * frame type (a string sent as UTF-8 in a binary frame, or bytes sent in a text frame).
   */
  send(data: string | Uint8Array, binary: boolean = typeof data !== "string"): void {
    this.#checks?.send(data);
    if (this.#state !== "open") throw new Error(`Cannot send: the connection is ${this.#state}`);
    this._send(data, binary === true);
  }

  /** Sends a ping (at most 125 bytes). Only where `capabilities.ping` is true. */
  ping(data: string | Uint8Array = ""): void {
    this.#checks?.ping(data, this.capabilities);
    if (this.#state !== "open") throw new Error(`Cannot ping: the connection is ${this.#state}`);
    this._ping(data);
  }

  /**
   * Starts the closing handshake (or aborts a connection still connecting). Closing a closing or
   * closed connection does nothing. Without a code, the close frame carries none (seen as 1005).
   */
  close(code?: number, reason = ""): void {
    this.#checks?.close(code, reason, this.capabilities);
    if (this.#state === "closing" || this.#state === "closed") return;
    if (this.#state === "connecting") {
      this.#abort();
      return;
    }
    this._close(code, reason); // first: without checks, the transport may refuse the code or reason
    this._closing();
  }

  /**
   * Drops the connection at once, in any state, without a closing handshake (e.g. when a peer
   * never answers a close). One `close` event (1006) follows unless it had already closed.
   */
  terminate(): void {
    if (this.#state === "closed") return;
    this.#terminated = true;
    this.#abort();
  }

  // --- for transports -------------------------------------------------------------------
  // Marked @internal: the build renames these (mangleInternals) and leaves them out of the published
  // types, where Connection is a type only, so no user can subclass it against names that do not exist.
  /** @internal */
  protected abstract _send(data: string | Uint8Array, binary: boolean): void;
  /** @internal */
  protected abstract _ping(data: string | Uint8Array): void;
  /** @internal */
  protected abstract _close(code: number | undefined, reason: string): void;
  /** @internal Tears the connection down at once; the transport must still call `_closed()` later. */
  protected abstract _abort(): void;

  /**
   * @internal Holds the frames sent from now until the current task ends, then writes them together
   * (see holdWrites in internal.ts). Only Node's transport can; elsewhere frames leave as they are sent.
   */
  _holdWrites(): void {}

  /** @internal */
  protected _opened(protocol: string): void {
    if (this.#state !== "connecting") return; // closed or aborted while the handshake finished
    this.#clearTimer();
    this.protocol = protocol;
    this.#state = "open";
    this._emit({ type: "open", protocol });
  }

  /** @internal */
  protected _emit(event: ConnectionEvent): void {
    this.onevent?.(event);
  }

  /** @internal Reports a failure; a close must follow. Only the first failure is reported. */
  protected _failed(event: ErrorEvent): void {
    if (this.#failed || this.#state === "closed") return;
    this.#failed = true;
    this._emit(event);
  }

  /** @internal Reports the end of the connection, exactly once. */
  protected _closed(code: number, reason: string, wasClean: boolean): void {
    if (this.#state === "closed") return;
    this.#clearTimer();
    this.#state = "closed";
    if (this.#terminated) this._emit({ type: "close", code: 1006, reason: "", wasClean: false });
    else this._emit({ type: "close", code, reason, wasClean });
  }

  /** @internal Marks the connection as closing from the transport's side (e.g. the peer sent a close frame). */
  protected _closing(): void {
    if (this.#state === "open") this.#state = "closing";
  }

  #timeout(ms: number): void {
    this.#timer = undefined;
    if (this.#state !== "connecting") return;
    this._failed({ type: "error", kind: "timeout", message: `Connection timed out after ${ms} ms` });
    this.#abort();
  }

  /** Tears the connection down. What the transport reports about that teardown is not news: it
   * was asked for (or already reported, as a timeout), so no further error event is delivered. */
  #abort(): void {
    this.#failed = true;
    this.#state = "closing";
    this._abort();
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
