// The fault buttons. Each sends all four players to one of the server's fault routes at the same
// time, so the panels show side by side how each engine API reports the same failure; after a
// few seconds every player rejoins the room.
export interface Fault {
  id: string;
  label: string;
  /** Path on the server, after the host. */
  route: string;
  /** What to look for, shown under the buttons. */
  explain: string;
  /** How long the players stay on the fault route before they rejoin the room. */
  ms: number;
}

export const FAULTS: readonly Fault[] = [
  {
    id: "reject",
    label: "Reject handshake (403)",
    route: "/reject/403",
    explain:
      "The server answers the upgrade with HTTP 403. Defold: EVENT_ERROR then EVENT_DISCONNECTED; Godot: STATE_CLOSED, code -1; Solar2D: ONERROR 3002 where the status is visible (Node), ONCLOSE without a code in a browser; Aseprite: ERROR, retried with backoff.",
    ms: 3000,
  },
  {
    id: "close",
    label: "Close with 4000 “bye”",
    route: "/close/4000/bye",
    explain:
      "The server opens, then at once sends close 4000 “bye”. Everyone but Aseprite reports the code; Aseprite says CLOSE and reconnects by itself.",
    ms: 3000,
  },
  {
    id: "drop",
    label: "Drop the connection",
    route: "/drop?delay=1000",
    explain:
      "The server opens, echoes for a second, then destroys the TCP connection with no close frame (1006). Aseprite reconnects by itself: CLOSE, then OPEN again.",
    ms: 3500,
  },
  {
    id: "hang",
    label: "Hang the handshake",
    route: "/hang",
    explain:
      "The server accepts TCP and never answers the upgrade. Defold times out after its 3000 ms; the Godot node gives up after its own 3 s (WebSocketPeer has no timeout); Solar2D reports ONCLOSE after its 6000 ms; Aseprite waits up to 60 s.",
    ms: 7500,
  },
];
