// Both Aseprite examples connect to 127.0.0.1:34613, as written; one receiver listens there for
// this file (Node only), standing in for the program each script talks to.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { until, waitForLine } from "../test/helpers.ts";
import { app, console_lines, dialogs, open_sprite } from "./stand-in/app.ts";
import { Receiver } from "./stand-in/receiver.ts";

const receiver = new Receiver();
beforeAll(() => receiver.listen(), 40_000);
afterAll(() => receiver.stop());

/** The header client.lua packs before the pixels: "<LLL" = id, width, height as 8-byte integers. */
function header(data: Uint8Array): number[] {
  const view = new DataView(data.buffer, data.byteOffset, 24);
  return [0, 8, 16].map((at) => Number(view.getBigUint64(at, true)));
}

describe("interprocessing demo client.lua (≤ 1.2.x, MessageType)", () => {
  it("syncs the sprite: Sync ON, an image on connect, on change and on a frame change; Cancel ends it", async () => {
    const sprite = open_sprite(4, 3, [10, 20]);
    await import("./interprocessing_client/client.ts"); // running the script
    const dlg = dialogs.at(-1)!;
    expect(dlg.visible).toBe(true);
    expect(dlg.widgets.get("status")!.text).toBe("Connecting...");

    await until(() => dlg.widgets.get("status")!.text === "Sync ON", "Sync ON");
    await until(() => receiver.received.length === 1, "the first image");
    sprite.onChange!(); // the user draws
    app.activeFrame = { frameNumber: 2 };
    app.site.onChange!(); // ... and moves to frame 2
    await until(() => receiver.received.length === 3, "three images");

    const images = receiver.received.map((r) => ({
      text: r.text,
      header: header(r.data),
      size: r.data.length,
    }));
    expect(images).toEqual(Array(3).fill({ text: false, header: [73, 4, 3], size: 24 + 4 * 3 * 4 }));
    expect([...receiver.received[0]!.data.slice(24, 28)]).toEqual([10, 10, 10, 255]);
    expect([...receiver.received[2]!.data.slice(24, 28)]).toEqual([20, 20, 20, 255]);

    // The other program drops the connection: the dialog says so, and Aseprite reconnects by
    // itself, so the script is back in sync and sends the current frame again.
    receiver.close_all();
    await until(() => dlg.history.length === 3, "Sync ON again");
    expect(dlg.history).toEqual(["Sync ON", "No connection", "Sync ON"]);
    await until(() => receiver.received.length === 4, "the image sent on reconnecting");
    expect([...receiver.received[3]!.data.slice(24, 28)]).toEqual([20, 20, 20, 255]);

    dlg.widgets.get("Cancel")!.onclick!(); // finish(): closes the socket and the dialog
    expect(dlg.visible).toBe(false);
    expect(sprite.onChange).toBeUndefined();
    expect(app.site.onChange).toBeUndefined();
    await until(() => receiver.open === 0, "the connection to close");
    expect(dlg.history).toHaveLength(3); // CLOSE after finish() finds no dialog to update
  });
});

describe("API docs' WebSocket() example (1.3, WebSocketMessageType)", () => {
  it("prints what the page's example prints once connected", async () => {
    const { ws } = await import("./api_websocket_example/example.ts");
    expect(ws.url).toBe("http://127.0.0.1:34613");
    ws.connect(); // the page's snippet leaves this call to the reader
    await waitForLine(() => console_lines, /^Connection closed$/);
    expect(console_lines).toEqual([
      "Connection open. Sending a message...",
      "Message recived: Hello!",
      "Connection closed",
    ]);
  });
});
