// Port of godot-demo-projects networking/websocket_chat/client.gd.
import { OK, print } from "@wsport/godot-compat";
import { Control, type LineEdit, type RichTextLabel } from "../stand-in/ui.ts";
import type { WebSocketClient } from "./websocket/WebSocketClient.ts";

export class Client extends Control {
  get _client(): WebSocketClient {
    return this.get_node("WebSocketClient") as WebSocketClient;
  }
  get _log_dest(): RichTextLabel {
    return this.get_node("Panel/VBoxContainer/RichTextLabel") as RichTextLabel;
  }
  get _line_edit(): LineEdit {
    return this.get_node("Panel/VBoxContainer/Send/LineEdit") as LineEdit;
  }
  get _host(): LineEdit {
    return this.get_node("Panel/VBoxContainer/Connect/Host") as LineEdit;
  }

  info(msg: string): void {
    print(msg);
    this._log_dest.add_text(`${msg}\n`);
  }

  //#region Client signals
  _on_web_socket_client_connection_closed(): void {
    const ws = this._client.get_socket();
    this.info(`Client just disconnected with code: ${ws.get_close_code()}, reson: ${ws.get_close_reason()}`);
  }

  _on_web_socket_client_connected_to_server(): void {
    this.info(`Client just connected with protocol: ${this._client.get_socket().get_selected_protocol()}`);
  }

  _on_web_socket_client_message_received(message: string): void {
    this.info(`${message}`);
  }
  //#endregion

  //#region UI signals
  _on_send_pressed(): void {
    if (this._line_edit.text === "") {
      return;
    }

    this.info(`Sending message: ${this._line_edit.text}`);
    this._client.send(this._line_edit.text);
    this._line_edit.text = "";
  }

  _on_connect_toggled(pressed: boolean): void {
    if (!pressed) {
      this._client.close();
      return;
    }

    if (this._host.text === "") {
      return;
    }

    this.info(`Connecting to host: ${this._host.text}.`);
    const err = this._client.connect_to_url(this._host.text);
    if (err !== OK) {
      this.info(`Error connecting to host: ${this._host.text}`);
      return;
    }
  }
  //#endregion
}
