// The smallest "echo client" per adapter, driven through that adapter's engine-shaped API, for the
// soak and leak runs: open, send bytes as text or binary, receive bytes, close.
import { WebSocket as AsepriteSocket, WebSocketMessageType } from "@wsport/aseprite-compat";
import { encodeUtf8 } from "@wsport/core/internal";
import WebSockets from "@wsport/corona-compat";
import { type Connection, websocket } from "@wsport/defold-compat";
import { WebSocketPeer } from "@wsport/godot-compat";

export type AdapterName = "defold" | "godot" | "corona" | "aseprite";
export const ADAPTERS: AdapterName[] = ["defold", "godot", "corona", "aseprite"];

export interface EchoClient {
  /** Text payloads are ASCII, so their bytes are their characters. */
  send(payload: Uint8Array, text: boolean): void;
  onmessage: (payload: Uint8Array, text: boolean) => void;
  /** Resolves once the adapter reported the end of the connection. */
  close(): Promise<void>;
}

const ascii = new TextDecoder("latin1");
const asBytes = (data: string | Uint8Array) => (typeof data === "string" ? encodeUtf8(data) : data);

/** Opens a connection through the adapter and resolves once it is open. */
export function openEcho(adapter: AdapterName, url: string): Promise<EchoClient> {
  return new Promise((resolve, reject) => {
    let ended: () => void = () => {};
    const endedP = new Promise<void>((r) => (ended = r));
    const fail = (why: string) => reject(new Error(`${adapter}: ${why}`));
    if (adapter === "defold") {
      let conn: Connection;
      const client: EchoClient = {
        send: (p, text) =>
          websocket.send(conn, text ? ascii.decode(p) : p, {
            type: text ? websocket.DATA_TYPE_TEXT : websocket.DATA_TYPE_BINARY,
          }),
        onmessage: () => {},
        close: () => {
          websocket.disconnect(conn);
          return endedP;
        },
      };
      conn = websocket.connect(url, { binary_as_bytes: true }, (_s, _c, data) => {
        if (data.event === websocket.EVENT_CONNECTED) resolve(client);
        else if (data.event === websocket.EVENT_MESSAGE)
          client.onmessage(asBytes(data.message), typeof data.message === "string");
        else if (data.event === websocket.EVENT_ERROR) fail(data.message);
        else if (data.event === websocket.EVENT_DISCONNECTED) ended();
      });
    } else if (adapter === "corona") {
      const ws = WebSockets.new();
      const client: EchoClient = {
        send: (p, text) => ws.send(text ? ascii.decode(p) : p, text ? ws.TEXT : ws.BINARY),
        onmessage: () => {},
        close: () => {
          ws.disconnect();
          return endedP;
        },
      };
      ws.addEventListener(ws.WSEVENT, (e) => {
        if (e.type === ws.ONOPEN) resolve(client);
        else if (e.type === ws.ONMESSAGE) client.onmessage(asBytes(e.data), e.message.type === ws.TEXT);
        else if (e.type === ws.ONCLOSE || e.type === ws.ONERROR) {
          fail(`closed ${String(e.code)}`);
          ended();
        }
      });
      ws.connect(url);
    } else if (adapter === "aseprite") {
      let opened = false;
      const client: EchoClient = {
        send: (p, text) => (text ? ws.sendText(ascii.decode(p)) : ws.sendBinary(p)),
        onmessage: () => {},
        close: () => {
          ws.close();
          return endedP;
        },
      };
      const ws = AsepriteSocket({
        url,
        onreceive(type, data, error) {
          if (type === WebSocketMessageType.OPEN) {
            opened = true;
            resolve(client);
          } else if (type === WebSocketMessageType.TEXT || type === WebSocketMessageType.BINARY) {
            client.onmessage(asBytes(data), type === WebSocketMessageType.TEXT);
          } else if (type === WebSocketMessageType.CLOSE) ended();
          else if (type === WebSocketMessageType.ERROR && !opened) {
            ws.close();
            fail(error);
            ended();
          }
        },
      });
      ws.connect();
    } else {
      const peer = WebSocketPeer.new();
      peer.inbound_buffer_size = 2 * 1024 * 1024;
      peer.outbound_buffer_size = 0;
      peer.max_queued_packets = 1 << 20;
      let timer: ReturnType<typeof setImmediate> | undefined;
      let opened = false;
      const client: EchoClient = {
        send: (p, text) => {
          const err = peer.send(p, text ? WebSocketPeer.WRITE_MODE_TEXT : WebSocketPeer.WRITE_MODE_BINARY);
          if (err !== 0) throw new Error(`send returned ${err}`);
        },
        onmessage: () => {},
        close: () => {
          peer.close();
          return endedP;
        },
      };
      const frame = () => {
        peer.poll();
        const state = peer.get_ready_state();
        if (state === WebSocketPeer.STATE_OPEN && !opened) {
          opened = true;
          resolve(client);
        }
        while (peer.get_available_packet_count() > 0) {
          const packet = peer.get_packet();
          client.onmessage(packet, peer.was_string_packet());
        }
        if (state === WebSocketPeer.STATE_CLOSED) {
          if (!opened) fail(`closed ${peer.get_close_code()}`);
          ended();
          return;
        }
        timer = setImmediate(frame);
      };
      if (peer.connect_to_url(url) !== 0) fail("connect_to_url failed");
      else timer = setImmediate(frame);
      void timer;
    }
  });
}
