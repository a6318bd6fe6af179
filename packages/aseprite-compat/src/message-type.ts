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
