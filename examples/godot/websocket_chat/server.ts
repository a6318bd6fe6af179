// Port of godot-demo-projects networking/websocket_chat/server.gd.
import { OK, print, str, type WebSocketPeer } from "@wsport/godot-compat";
import { Control, type LineEdit, type RichTextLabel, type SpinBox } from "../stand-in/ui.ts";
import type { WebSocketServer } from "./websocket/WebSocketServer.ts";

export class Server extends Control {
  get _server(): WebSocketServer {
    return this.get_node("WebSocketServer") as WebSocketServer;
  }
  get _log_dest(): RichTextLabel {
    return this.get_node("Panel/VBoxContainer/RichTextLabel") as RichTextLabel;
  }
  get _line_edit(): LineEdit {
    return this.get_node("Panel/VBoxContainer/Send/LineEdit") as LineEdit;
  }
  get _listen_port(): SpinBox {
    return this.get_node("Panel/VBoxContainer/Connect/Port") as SpinBox;
  }

  info(msg: string): void {
    print(msg);
    this._log_dest.add_text(`${msg}\n`);
  }

  //#region Server signals
  _on_web_socket_server_client_connected(peer_id: number): void {
    const peer: WebSocketPeer = this._server.peers.get(peer_id)!;
    this.info(`Remote client connected: ${peer_id}. Protocol: ${peer.get_selected_protocol()}`);
    this._server.send(-peer_id, `[${peer_id}] connected`);
  }

  _on_web_socket_server_client_disconnected(peer_id: number): void {
    const peer: WebSocketPeer = this._server.peers.get(peer_id)!;
    this.info(
      `Remote client disconnected: ${peer_id}. Code: ${peer.get_close_code()}, Reason: ${peer.get_close_reason()}`,
    );
    this._server.send(-peer_id, `[${peer_id}] disconnected`);
  }

  _on_web_socket_server_message_received(peer_id: number, message: string): void {
    this.info(`Server received data from peer ${peer_id}: ${message}`);
    this._server.send(-peer_id, `[${peer_id}] Says: ${message}`);
  }
  //#endregion

  //#region UI signals
  _on_send_pressed(): void {
    if (this._line_edit.text === "") {
      return;
    }

    this.info(`Sending message: ${this._line_edit.text}`);
    this._server.send(0, `Server says: ${this._line_edit.text}`);
    this._line_edit.text = "";
  }

  _on_listen_toggled(pressed: boolean): void {
    if (!pressed) {
      this._server.stop();
      this.info("Server stopped");
      return;
    }

    const port = Math.trunc(this._listen_port.value);
    const err = this._server.listen(port);

    if (err !== OK) {
      this.info(`Error listing on port ${port}`);
      return;
    }
    this.info(`Listing on port ${port}, supported protocols: ${str(this._server.supported_protocols)}`);
  }
  //#endregion
}
