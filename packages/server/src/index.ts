// @wsport/server: echo, broadcast-room and fault-injection WebSocket test server on ws.
export type { RunningServer, ServerOptions } from "./options.js";
export { startServer } from "./server.js";
