// Where the players are. Positions live in a small field of WIDTH x HEIGHT units; one player is
// steered with the arrow keys, the other three follow a curve of their own.
export const WIDTH = 360;
export const HEIGHT = 160;
const SPEED = 150; // units per second for the steered player

export interface Body {
  x: number;
  y: number;
}

export interface Keys {
  left: boolean;
  right: boolean;
  up: boolean;
  down: boolean;
}

/** Moves the steered player by the keys held, kept inside the field. */
export function steer(body: Body, keys: Keys, dtMs: number): void {
  const step = (SPEED * dtMs) / 1000;
  body.x += (Number(keys.right) - Number(keys.left)) * step;
  body.y += (Number(keys.down) - Number(keys.up)) * step;
  body.x = Math.min(WIDTH, Math.max(0, body.x));
  body.y = Math.min(HEIGHT, Math.max(0, body.y));
}

/** A Lissajous curve per player, so each bot has a path of its own. */
export function wander(body: Body, index: number, nowMs: number): void {
  const t = nowMs / 1000;
  const a = 0.5 + 0.17 * index;
  const b = 0.8 + 0.23 * index;
  body.x = WIDTH / 2 + (WIDTH / 2 - 16) * Math.sin(a * t + index);
  body.y = HEIGHT / 2 + (HEIGHT / 2 - 12) * Math.sin(b * t + index * 2);
}
