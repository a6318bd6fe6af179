// What the players say to each other through the broadcast room, in small JSON texts:
//   {"k":"pos","id":"godot","x":12,"y":40}   a player's position, ten times a second
//   {"k":"ping","id":"godot","t":1234.5}      once a second; every other player answers with
//   {"k":"pong","to":"godot","t":1234.5}      so the first answer gives a round trip through the server
// Every adapter sends text, so any of them can read any other's messages.
import type { EngineId } from "./engines.ts";
import type { Body } from "./world.ts";

const POSITION_EVERY_MS = 100;
const PING_EVERY_MS = 1000;

type Message =
  | { k: "pos"; id: EngineId; x: number; y: number }
  | { k: "ping"; id: EngineId; t: number }
  | { k: "pong"; to: EngineId; t: number };

/** Where a player's traffic is counted and what it learns about the others is kept. */
export interface Scoreboard {
  sent(count: number): void;
  received(): void;
  roundTrip(ms: number): void;
  seen(id: EngineId, x: number, y: number): void;
}

const decoder = new TextDecoder();

/** The game side of one player's connection; the player's engine code only moves the texts. */
export class GameLink {
  #nextPosition = 0;
  #nextPing = 0;
  #pingAnswered = true;
  #pingTime = 0;

  constructor(
    readonly id: EngineId,
    readonly body: Body,
    readonly score: Scoreboard,
  ) {}

  /** The texts to send at `now`: the position every 100 ms and a ping every second. */
  due(now: number): string[] {
    const out: string[] = [];
    if (now >= this.#nextPosition) {
      this.#nextPosition = now + POSITION_EVERY_MS;
      out.push(
        JSON.stringify({ k: "pos", id: this.id, x: Math.round(this.body.x), y: Math.round(this.body.y) }),
      );
    }
    if (now >= this.#nextPing) {
      this.#nextPing = now + PING_EVERY_MS;
      this.#pingTime = now;
      this.#pingAnswered = false;
      out.push(JSON.stringify({ k: "ping", id: this.id, t: now }));
    }
    this.score.sent(out.length);
    return out;
  }

  /** Reads one received message (text, or its UTF-8 bytes); returns the answer to send, if any. */
  receive(data: string | Uint8Array, now: number): string | undefined {
    this.score.received();
    const message = parse(typeof data === "string" ? data : decoder.decode(data));
    if (message === undefined) return undefined;
    if (message.k === "pos" && message.id !== this.id) this.score.seen(message.id, message.x, message.y);
    if (message.k === "ping" && message.id !== this.id) {
      this.score.sent(1);
      return JSON.stringify({ k: "pong", to: message.id, t: message.t });
    }
    if (
      message.k === "pong" &&
      message.to === this.id &&
      message.t === this.#pingTime &&
      !this.#pingAnswered
    ) {
      this.#pingAnswered = true;
      this.score.roundTrip(now - message.t);
    }
    return undefined;
  }

  /** A new connection starts sending at once. */
  restart(): void {
    this.#nextPosition = 0;
    this.#nextPing = 0;
  }
}

function parse(text: string): Message | undefined {
  try {
    const value = JSON.parse(text) as Message;
    return typeof value === "object" && value !== null && typeof value.k === "string" ? value : undefined;
  } catch {
    return undefined; // an echo route may send anything; it is not a game message
  }
}
