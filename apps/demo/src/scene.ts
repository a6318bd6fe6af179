// The game: four quadrants, one per adapter. Each quadrant is that client's view of the world:
// its own player where it really is, and the other three where its connection last heard they
// were. A frozen or faded square is a player this client has stopped hearing from.
import * as Phaser from "phaser";
import type { EngineInfo } from "./engines.ts";
import type { Panel } from "./panel.ts";
import type { NetPlayer } from "./players/player.ts";
import { type Body, HEIGHT, steer, WIDTH, wander } from "./world.ts";

export const QUAD_W = 400;
export const QUAD_H = 220;
/** A strip under the quadrants for the keyboard help. */
export const HELP_H = 26;
const FIELD_X = 20; // the field's corner inside a quadrant
const FIELD_Y = 42;
const SIZE = 16;
const STALE_MS = 600;

export interface Seat {
  info: EngineInfo;
  body: Body;
  panel: Panel;
  player: NetPlayer;
}

interface Quadrant {
  seat: Seat;
  x: number;
  y: number;
  squares: Phaser.GameObjects.Rectangle[];
  status: Phaser.GameObjects.Text;
}

export class ArenaScene extends Phaser.Scene {
  #quadrants: Quadrant[] = [];
  #cursors: Phaser.Types.Input.Keyboard.CursorKeys | undefined;
  #steered = 0;
  #help: Phaser.GameObjects.Text | undefined;

  constructor(readonly seats: readonly Seat[]) {
    super("arena");
  }

  create() {
    this.#cursors = this.input.keyboard?.createCursorKeys();
    const keys = ["ONE", "TWO", "THREE", "FOUR"];
    keys.forEach((key, i) => {
      this.input.keyboard?.on(`keydown-${key}`, () => this.#steer(i));
    });
    this.seats.forEach((seat, i) => {
      const x = (i % 2) * QUAD_W;
      const y = Math.floor(i / 2) * QUAD_H;
      this.add
        .rectangle(x + QUAD_W / 2, y + QUAD_H / 2, QUAD_W - 8, QUAD_H - 8, 0x1b1f2a)
        .setStrokeStyle(2, seat.info.color, 0.9);
      this.add
        .rectangle(x + FIELD_X + WIDTH / 2, y + FIELD_Y + HEIGHT / 2, WIDTH + SIZE, HEIGHT + SIZE, 0x11141b)
        .setStrokeStyle(1, 0x3a4152);
      this.add.text(x + 14, y + 10, `${seat.info.name} client`, {
        fontFamily: "sans-serif",
        fontSize: "17px",
        color: "#ffffff",
      });
      const status = this.add
        .text(x + QUAD_W - 14, y + 12, "", { fontFamily: "sans-serif", fontSize: "13px", color: "#9aa4b8" })
        .setOrigin(1, 0);
      const squares = this.seats.map((other) => this.add.rectangle(0, 0, SIZE, SIZE, other.info.color));
      this.#quadrants.push({ seat, x, y, squares, status });
    });
    this.#help = this.add
      .text(QUAD_W, QUAD_H * 2 + HELP_H - 5, "", {
        fontFamily: "sans-serif",
        fontSize: "13px",
        color: "#9aa4b8",
      })
      .setOrigin(0.5, 1);
    this.#steer(0);
  }

  #steer(index: number) {
    this.#steered = index;
    this.#help?.setText(`Arrow keys move the ${this.seats[index]?.info.name} player · keys 1–4 pick another`);
  }

  override update(time: number, delta: number) {
    const now = performance.now();
    const c = this.#cursors;
    this.seats.forEach((seat, i) => {
      if (i === this.#steered && c) {
        steer(
          seat.body,
          { left: c.left.isDown, right: c.right.isDown, up: c.up.isDown, down: c.down.isDown },
          delta,
        );
      } else {
        wander(seat.body, i, time);
      }
      seat.player.update(now);
    });
    for (const q of this.#quadrants) this.#draw(q, now);
  }

  #draw(q: Quadrant, now: number) {
    const { seat } = q;
    q.status.setText(seat.panel.connected ? "connected" : "not connected");
    q.status.setColor(seat.panel.connected ? "#7ee08a" : "#ff8a80");
    this.seats.forEach((other, i) => {
      const square = q.squares[i]!;
      const place = (p: { x: number; y: number }) =>
        square.setPosition(q.x + FIELD_X + p.x, q.y + FIELD_Y + p.y);
      if (other === seat) {
        place(seat.body);
        square.setAlpha(1).setStrokeStyle(2, 0xffffff);
        return;
      }
      const heard = seat.panel.others.get(other.info.id);
      if (!heard) {
        square.setVisible(false);
        return;
      }
      place(heard);
      const stale = now - heard.at > STALE_MS;
      square
        .setVisible(true)
        .setAlpha(stale ? 0.3 : 0.85)
        .setStrokeStyle(stale ? 2 : 0, 0xff8a80);
    });
  }
}
