// The Phaser scene: once a frame it turns the keyboard into the scripts' Input actions, runs one
// frame of the Godot tree (SceneTree.process, which polls the multiplayer peer once), and draws
// what the nodes hold. It never moves anything itself.

import type { SceneTree } from "@wsport/godot-compat";
import * as Phaser from "phaser";
import { Input } from "../engine/input.ts";
import { VIEWPORT_SIZE } from "../engine/nodes.ts";
import { BALL_RADIUS, type Ball } from "../scripts/ball.ts";
import { PADDLE_SIZE, type Paddle } from "../scripts/paddle.ts";
import type { Hud } from "./hud.ts";

const W = VIEWPORT_SIZE.x;
const H = VIEWPORT_SIZE.y;
const MINE = 0x7fd1ff;
const THEIRS = 0xf1f4f9;
type Keys = Record<"up" | "down" | "w" | "s", Phaser.Input.Keyboard.Key>;
const TEXT = { fontFamily: "sans-serif", color: "#f1f4f9" };

export class CourtScene extends Phaser.Scene {
  #keys: Keys | undefined;
  #court!: Phaser.GameObjects.Graphics;
  #scoreLeft!: Phaser.GameObjects.Text;
  #scoreRight!: Phaser.GameObjects.Text;
  #message!: Phaser.GameObjects.Text;
  #you!: Phaser.GameObjects.Text;

  constructor(
    readonly tree: SceneTree,
    readonly hud: Hud,
  ) {
    super("court");
  }

  create(): void {
    this.#keys = this.input.keyboard?.addKeys({
      up: Phaser.Input.Keyboard.KeyCodes.UP,
      down: Phaser.Input.Keyboard.KeyCodes.DOWN,
      w: Phaser.Input.Keyboard.KeyCodes.W,
      s: Phaser.Input.Keyboard.KeyCodes.S,
    }) as Keys;
    const net = this.add.graphics();
    net.lineStyle(2, 0x2c3342).strokeRect(1, 1, W - 2, H - 2);
    net.fillStyle(0x2c3342);
    for (let y = 6; y < H; y += 24) net.fillRect(W / 2 - 2, y, 4, 12);
    this.#court = this.add.graphics();
    this.#scoreLeft = this.add.text(W / 2 - 40, 16, "", { ...TEXT, fontSize: "40px" }).setOrigin(1, 0);
    this.#scoreRight = this.add.text(W / 2 + 40, 16, "", { ...TEXT, fontSize: "40px" });
    this.#message = this.add
      .text(W / 2, H / 2, "", { ...TEXT, fontSize: "22px", align: "center", wordWrap: { width: W - 80 } })
      .setOrigin(0.5);
    this.#you = this.add.text(0, 0, "You", { ...TEXT, fontSize: "14px", color: "#7fd1ff" }).setOrigin(0.5, 1);
  }

  override update(time: number, delta: number): void {
    const keys = this.#keys;
    if (keys) {
      this.#action("move_up", keys.up.isDown || keys.w.isDown);
      this.#action("move_down", keys.down.isDown || keys.s.isDown);
    }
    this.tree.process(delta / 1000);
    this.hud.render(time);
    this.#draw();
  }

  #action(name: string, down: boolean): void {
    if (down) Input.action_press(name);
    else Input.action_release(name);
  }

  #draw(): void {
    const pong = this.hud.pong;
    const g = this.#court.clear();
    this.#you.setVisible(false);
    if (!pong) {
      this.#scoreLeft.setText("");
      this.#scoreRight.setText("");
      const lobby = this.hud.lobbyText();
      this.#message.setText(lobby.text).setColor(lobby.failed ? "#ff8f8f" : "#aeb7c7");
      return;
    }
    for (const name of ["Left", "Right"]) {
      const paddle = pong.get_node(name) as Paddle;
      const mine = paddle.is_multiplayer_authority();
      const { x, y } = paddle.position;
      g.fillStyle(mine ? MINE : THEIRS);
      g.fillRect(x - PADDLE_SIZE.x / 2, y - PADDLE_SIZE.y / 2, PADDLE_SIZE.x, PADDLE_SIZE.y);
      // "You" above the paddle, or below it at the top of the court.
      const top = y - PADDLE_SIZE.y / 2 > 24;
      if (mine)
        this.#you
          .setVisible(true)
          .setOrigin(0.5, top ? 1 : 0)
          .setPosition(
            x + (paddle.left ? 12 : -12),
            top ? y - PADDLE_SIZE.y / 2 - 4 : y + PADDLE_SIZE.y / 2 + 4,
          );
    }
    const ball = pong.get_node("Ball") as Ball;
    g.fillStyle(0xffd166);
    g.fillCircle(ball.position.x, ball.position.y, BALL_RADIUS);
    this.#scoreLeft.setText(String(pong.score_left));
    this.#scoreRight.setText(String(pong.score_right));
    const winner = pong.winner_left.visible ? "Left" : pong.winner_right.visible ? "Right" : "";
    this.#message.setText(winner ? `${winner} player wins!` : "").setColor("#ffd166");
  }
}
