// The node both sides of the browser RPC tests build at /root/Game: the Node server (in
// multiplayer-server.ts) answers, the browser clients record. Same class, so the same RPC ids.
import { Node, rpc } from "@wsport/godot-compat";

export class EchoGame extends Node {
  /** What reached this side: [method, sender, arguments]. */
  calls: [string, number, unknown[]][] = [];

  /** On the server: sends the arguments back to their sender. */
  @rpc("any_peer", "reliable")
  echo(...args: unknown[]): void {
    this.echoed.rpc_id(this.multiplayer.get_remote_sender_id(), ...args);
  }

  /** On the server: tells every peer. */
  @rpc("any_peer", "reliable")
  tell_everyone(text: string): void {
    this.echoed.rpc(`${this.multiplayer.get_remote_sender_id()} says ${text}`);
  }

  /** The server's answers (authority: only the server may call it). */
  @rpc("reliable")
  echoed(...args: unknown[]): void {
    this.calls.push(["echoed", this.multiplayer.get_remote_sender_id(), args]);
  }

  /** Client to client, through the server's relay; call_local runs it on the caller too. */
  @rpc("any_peer", "call_local", "reliable")
  note(text: string): void {
    this.calls.push(["note", this.multiplayer.get_remote_sender_id(), [text]]);
  }
}
