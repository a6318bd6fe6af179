// The plugin's constants, with the plugin's string values. Every client carries them
// (`ws.ONOPEN`), as the plugin's instances do; the module table does not.
export const CONSTANTS = {
  WSEVENT: "WsEvent0",
  ONOPEN: "OnOpen0",
  ONMESSAGE: "OnMessage0",
  ONCLOSE: "OnClose0",
  ONERROR: "OnError0",
  TLS_1_0: "TLS_V1",
  TLS_1_1: "TLS_V1_1",
  TLS_1_2: "TLS_V1_2",
  TEXT: "text",
  BINARY: "binary",
} as const;

/** The reason the plugin reports (and sends) when a close carries none. */
export const DEFAULT_REASON = "Purpose for connection has been fulfilled";
