// @wsport/core's Connection: one onevent handler, binary messages as Uint8Array views.
import { connect } from "@wsport/core";
import type { ClientKind } from "./types.ts";

export const core: ClientKind = {
  name: "@wsport/core",
  open(url, onReply) {
    return new Promise((resolve, reject) => {
      const connection = connect(url);
      connection.onevent = (event) => {
        if (event.type === "message") onReply();
        else if (event.type === "open")
          resolve({ send: (payload) => connection.send(payload), close: () => connection.close() });
        else if (event.type === "error") reject(new Error(event.message));
      };
    });
  },
};
