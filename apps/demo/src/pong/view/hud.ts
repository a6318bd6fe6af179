// The page around the court: the lobby's controls (the LineEdit, Join Button and status Labels of
// lobby.gd, as DOM elements), the match's side and score, the "Drop the server" fault, and a log of
// what the scripts saw: each multiplayer signal, each score change, the winner. It reads the
// scripts' nodes once a frame and touches the DOM only when something changed.
import type { SceneTree } from "@wsport/godot-compat";
import type { Lobby } from "../scripts/lobby.ts";
import type { Paddle } from "../scripts/paddle.ts";
import type { Pong } from "../scripts/pong.ts";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
/** How often the paddles' positions are copied to the page (for tests and tools), in ms. */
const POSITIONS_EVERY_MS = 100;

export class Hud {
  readonly #address = $<HTMLInputElement>("address");
  readonly #join = $<HTMLButtonElement>("join");
  readonly #status = $("status");
  readonly #inGame = $("in-game");
  readonly #side = $("side");
  readonly #score = $("score");
  readonly #log = $<HTMLOListElement>("log");
  readonly #game = $("game");
  #pong: Pong | null = null;
  #winnerLogged = false;
  #shown = new Map<HTMLElement, string>();
  #positionsAt = 0;

  constructor(
    private readonly tree: SceneTree,
    private readonly lobby: Lobby,
  ) {
    this.#address.value = lobby.address.text;
    this.#address.addEventListener("input", () => {
      lobby.address.text = this.#address.value;
    });
    this.#join.addEventListener("click", () => lobby.join_button.click());
    $("leave").addEventListener("click", () => this.#pong?.exit_game.click());
    $("drop-server").addEventListener("click", () => this.#dropServer());

    const multiplayer = tree.get_multiplayer();
    multiplayer.peer_connected.connect((id) => this.log("signal", `peer_connected(${id})`));
    multiplayer.peer_disconnected.connect((id) => this.log("signal", `peer_disconnected(${id})`));
    multiplayer.connected_to_server.connect(() => this.log("signal", "connected_to_server"));
    multiplayer.connection_failed.connect(() => this.log("signal", "connection_failed"));
    multiplayer.server_disconnected.connect(() => this.log("signal", "server_disconnected"));
  }

  /** The scripts' Pong node while a match runs. */
  get pong(): Pong | null {
    return this.#pong;
  }

  /** What the lobby's status labels say, for the court to show while no match runs. */
  lobbyText(): { text: string; failed: boolean } {
    const failed = this.lobby.status_fail.text;
    return { text: failed || this.lobby.status_ok.text || "Press Join to play.", failed: failed !== "" };
  }

  /** Called once a frame, after SceneTree.process(). */
  render(now: number): void {
    const pong = this.tree.get_root().get_node_or_null("Pong") as Pong | null;
    if (pong !== this.#pong) this.#attach(pong);

    const failed = this.lobby.status_fail.text;
    this.#text(this.#status, failed || this.lobby.status_ok.text);
    this.#status.dataset.kind = failed ? "fail" : "ok";
    this.#join.disabled = this.lobby.join_button.disabled;
    this.#address.disabled = this.lobby.join_button.disabled;
    this.#inGame.hidden = pong === null;
    if (!pong) return;

    this.#text(this.#score, `${pong.score_left} : ${pong.score_right}`);
    const winner = pong.winner_left.visible ? "left" : pong.winner_right.visible ? "right" : "";
    if (winner && !this.#winnerLogged) {
      this.#winnerLogged = true;
      this.log("winner", `winner: ${winner}`);
    }
    if (now - this.#positionsAt >= POSITIONS_EVERY_MS) {
      this.#positionsAt = now;
      this.#game.dataset.left = String(Math.round((pong.get_node("Left") as Paddle).position.y));
      this.#game.dataset.right = String(Math.round((pong.get_node("Right") as Paddle).position.y));
    }
  }

  log(event: string, text: string): void {
    const li = document.createElement("li");
    li.dataset.event = event;
    li.textContent = text;
    this.#log.append(li);
    this.#log.scrollTop = this.#log.scrollHeight;
  }

  #attach(pong: Pong | null): void {
    this.#pong = pong;
    this.#winnerLogged = false;
    if (!pong) {
      this.log("status", `match over: ${this.lobby.status_fail.text || "left"}`);
      return;
    }
    const mine = (pong.get_node("Left") as Paddle).is_multiplayer_authority() ? "left" : "right";
    this.#side.textContent = `You steer the ${mine} paddle; first to ${pong.score_to_win} wins.`;
    this.#game.dataset.side = mine;
    this.log("start", `start_game(): you steer the ${mine} paddle`);
    pong.score_changed.connect((left, right) => this.log("score", `score_changed(${left}, ${right})`));
  }

  async #dropServer(): Promise<void> {
    const status = $("drop-status");
    try {
      const res = await fetch("/__pong/drop-server", { method: "POST" });
      if (res.status === 404) throw new Error("this page was not started by `pnpm demo`");
      const { dropped, restart_ms } = await res.json();
      status.textContent = dropped
        ? `Server dropped; it starts again in ${restart_ms / 1000} s. Press Join then.`
        : "The server is already down; it is starting again.";
    } catch (err) {
      status.textContent = `Could not drop the server: ${(err as Error).message}`;
    }
  }

  #text(el: HTMLElement, text: string): void {
    if (this.#shown.get(el) === text) return;
    this.#shown.set(el, text);
    el.textContent = text;
  }
}
