// The nodes of websocket.gui that the script reads: four buttons, the connection text and the log.
import type { GuiNode } from "./engine.ts";

const node = (id: string, x: number, y: number): GuiNode => ({ id, x, y, enabled: true, text: "" });

export const gui_nodes = new Map<string, GuiNode>(
  [
    node("connect_ws/button", 100, 600),
    node("connect_wss/button", 300, 600),
    node("send/button", 100, 500),
    node("close/button", 300, 500),
    node("connection_text", 200, 700),
    node("log", 200, 200),
  ].map((n) => [n.id, n]),
);

/** Back to the scene's initial state (between tests). */
export function reset_nodes(): void {
  for (const n of gui_nodes.values()) {
    n.enabled = true;
    n.text = "";
  }
}
