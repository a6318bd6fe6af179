// Holds N idle raw ws connections open to a server, so the server's heap per connection can be read.
import WebSocket from "ws";
import { reply, serve } from "./ipc.ts";

let held: WebSocket[] = [];

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.once("open", () => resolve(ws));
    ws.once("error", reject);
  });
}

serve(async (request) => {
  if (typeof request.open === "number") {
    const url = request.url as string;
    // In batches, so the server's accept backlog never overflows.
    for (let done = 0; done < request.open; ) {
      const batch = Math.min(250, request.open - done);
      held.push(...(await Promise.all(Array.from({ length: batch }, () => open(url)))));
      done += batch;
    }
    return { open: held.length };
  }
  if (request.closeAll) {
    const closing = held.map(
      (ws) =>
        new Promise<void>((resolve) => {
          ws.once("close", () => resolve());
          ws.close();
        }),
    );
    held = [];
    await Promise.all(closing);
    return { open: 0 };
  }
  throw new Error(`unknown request ${JSON.stringify(request)}`);
});
reply({ ready: true });
