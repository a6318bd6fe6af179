// A reference row for Godot: @wsport/core with messages queued and drained by the same setImmediate
// loop the Godot client uses. It is the cost of the polling model alone, so Godot's row divided by
// this one is what @wsport/godot-compat's own code costs.
import { connect } from "@wsport/core";
import { nextTurn } from "./next-turn.ts";
import type { ClientKind } from "./types.ts";

export const corePolled: ClientKind = {
  name: "(ref) core + poll loop",
  note: "(ref) core + poll loop: @wsport/core whose echoes are handled one setImmediate turn later, like a Godot poll() loop; Godot / this row = godot-compat's own cost.",
  open(url, onReply) {
    return new Promise((resolve, reject) => {
      const connection = connect(url);
      let pending = 0;
      let polling = true;
      const tick = () => {
        if (!polling) return;
        for (; pending > 0; pending--) onReply();
        nextTurn(tick);
      };
      connection.onevent = (event) => {
        if (event.type === "message") pending++;
        else if (event.type === "open") {
          nextTurn(tick);
          resolve({
            send: (payload) => connection.send(payload),
            close: () => {
              polling = false;
              connection.close();
            },
          });
        } else if (event.type === "error") reject(new Error(event.message));
      };
    });
  },
};
