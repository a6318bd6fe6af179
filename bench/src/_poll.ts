import { connect } from "@wsport/core";
import { startChild } from "./child.ts";
import { core } from "./clients/core.ts";
import { godot } from "./clients/godot.ts";
import { rawWs } from "./clients/raw-ws.ts";
import type { ClientKind } from "./clients/types.ts";
import { throughputRun } from "./echo.ts";
import { median } from "./stats.ts";

// core + a plain queue drained by the same setImmediate loop: the polling model without godot-compat
const polledCore: ClientKind = {
  name: "core + setImmediate queue",
  open(url, onReply) {
    return new Promise((resolve) => {
      const c = connect(url);
      const queue: unknown[] = [];
      let polling = true;
      const tick = () => {
        if (!polling) return;
        let n = queue.length;
        queue.length = 0;
        while (n-- > 0) onReply();
        setImmediate(tick);
      };
      c.onevent = (e) => {
        if (e.type === "message") queue.push(e.data);
        else if (e.type === "open") {
          setImmediate(tick);
          resolve({
            send: (p) => c.send(p),
            close: () => {
              polling = false;
              c.close();
            },
          });
        }
      };
    });
  },
};
const [size, count, inflight] = process.argv.slice(2).map(Number);
const chosen = [rawWs, core, polledCore, godot];
const [child, ready] = await startChild<{ port: number }>("echo-server", ["ws"]);
const url = `ws://127.0.0.1:${ready.port}/`;
const payload = new Uint8Array(size!).fill(97);
const res = new Map(chosen.map((c) => [c.name, [] as number[]]));
for (let r = 0; r < 9; r++)
  for (const c of r % 2 ? chosen : [...chosen].reverse()) {
    const v = (await throughputRun(c, url, payload, count!, inflight!, 30000)).perSecond;
    if (r > 0) res.get(c.name)!.push(v);
  }
const base = median(res.get("raw ws")!);
for (const [n, v] of res) console.log(n.padEnd(28), Math.round(median(v)), (median(v) / base).toFixed(3));
await child.stop();
process.exit(0);
