// A reference row for Godot: @wsport/core with messages queued and drained by the same loop the
// Godot client uses (every event-loop turn: setImmediate in Node, a MessageChannel in a page; or
// once per frame with `driver: "caller"`). It is the cost of the polling model alone, so Godot's row
// divided by this one is what @wsport/godot-compat's own code costs.
import { connect } from "@wsport/core";
import { nextTurn } from "./next-turn.ts";
import type { ClientKind } from "./types.ts";

export const corePolled: ClientKind = {
  name: "(ref) core + poll loop",
  note: "(ref) core + poll loop: @wsport/core whose echoes are handled one event-loop turn later, like a Godot poll() loop; Godot / this row = godot-compat's own cost.",
  open(url, onReply, options) {
    return new Promise((resolve, reject) => {
      const connection = connect(url);
      let pending = 0;
      let polling = options?.driver !== "caller";
      const drain = () => {
        for (; pending > 0; pending--) onReply();
      };
      const tick = () => {
        if (!polling) return;
        drain();
        nextTurn(tick);
      };
      connection.onevent = (event) => {
        if (event.type === "message") pending++;
        else if (event.type === "open") {
          if (polling) nextTurn(tick);
          resolve({
            send: (payload) => connection.send(payload),
            close: () => {
              polling = false;
              connection.close();
            },
            poll: drain,
          });
        } else if (event.type === "error") reject(new Error(event.message));
      };
    });
  },
};
