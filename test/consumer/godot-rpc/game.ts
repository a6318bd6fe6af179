// The node both sides have at /root/Game, with the same @rpc methods (Godot's rule): a client asks, the
// server answers the sender. Standard decorators, as a user writes them.
import { Node, rpc } from "@wsport/godot-compat";

export class Game extends Node {
  answers: string[] = [];

  constructor() {
    super();
    this.name = "Game";
  }

  @rpc("any_peer", "reliable")
  ask(text: string): void {
    const sender = this.multiplayer.get_remote_sender_id();
    this.answer.rpc_id(sender, `${text}, answered by ${this.multiplayer.get_unique_id()}`);
  }

  @rpc("authority", "reliable")
  answer(text: string): void {
    this.answers.push(text);
  }
}
