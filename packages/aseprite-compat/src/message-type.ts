// Aseprite's WebSocketMessageType: IXWebSocket's message kinds, with Aseprite's own BINARY (= FRAGMENT + 10).
export const WebSocketMessageType = Object.freeze({
  TEXT: 0,
  OPEN: 1,
  CLOSE: 2,
  ERROR: 3,
  PING: 4,
  PONG: 5,
  FRAGMENT: 6,
  BINARY: 16,
} as const);

/** One of the WebSocketMessageType values. */
export type WebSocketMessageType = (typeof WebSocketMessageType)[keyof typeof WebSocketMessageType];

/**
 * The same values under Aseprite's first names: scripts written for Aseprite ≤ 1.2.x read the global
 * `MessageType` with these casings (`MessageType.Open`), before the table became WebSocketMessageType.
 */
export const MessageType = /* @__PURE__ */ Object.freeze({
  Text: WebSocketMessageType.TEXT,
  Binary: WebSocketMessageType.BINARY,
  Open: WebSocketMessageType.OPEN,
  Close: WebSocketMessageType.CLOSE,
  Error: WebSocketMessageType.ERROR,
  Ping: WebSocketMessageType.PING,
  Pong: WebSocketMessageType.PONG,
  Fragment: WebSocketMessageType.FRAGMENT,
} as const);

/** One of the MessageType values (the same numbers as WebSocketMessageType). */
export type MessageType = (typeof MessageType)[keyof typeof MessageType];
