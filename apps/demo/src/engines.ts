// The four players, in the order they are drawn, with the colours and links the page uses.
export type EngineId = "defold" | "godot" | "corona" | "aseprite";

export interface EngineInfo {
  id: EngineId;
  /** The engine's name, as a user knows it. */
  name: string;
  /** The engine API the player's code is written against. */
  api: string;
  /** The player's source file in this folder. */
  file: string;
  /** The engine's own documentation of that API. */
  docs: string;
  color: number;
}

export const ENGINES: readonly EngineInfo[] = [
  {
    id: "defold",
    name: "Defold",
    api: "websocket.connect(url, params, callback)",
    file: "src/players/defold.ts",
    docs: "https://defold.com/extension-websocket/",
    color: 0xf08a24,
  },
  {
    id: "godot",
    name: "Godot 4",
    api: "WebSocketPeer + poll()",
    file: "src/players/godot.ts",
    docs: "https://docs.godotengine.org/en/stable/classes/class_websocketpeer.html",
    color: 0x478cbf,
  },
  {
    id: "corona",
    name: "Solar2D",
    api: 'require("plugin.websockets")',
    file: "src/players/corona.ts",
    docs: "https://github.com/develephant/websockets-plugin-docs",
    color: 0x3fb66b,
  },
  {
    id: "aseprite",
    name: "Aseprite",
    api: "WebSocket{ url, onreceive }",
    file: "src/players/aseprite.ts",
    docs: "https://www.aseprite.org/api/websocket",
    color: 0xd9507e,
  },
];

export function cssColor(color: number): string {
  return `#${color.toString(16).padStart(6, "0")}`;
}
