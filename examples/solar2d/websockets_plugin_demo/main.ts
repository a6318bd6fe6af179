// Port of develephant's "Corona WebSockets Plugin Demo" main.lua (see README.md for the copy ported).
//#############################################################################
//# Corona WebSockets Plugin Demo
//# (c)2019 C. Byerley (develephant)
//# Docs: https://develephant.github.io/websockets-plugin/
//#############################################################################

import WebSocket, { type WsEvent } from "@wsport/corona-compat";
import { demo_host, json, print, system, timer } from "../stand-in/runtime.ts";

//#############################################################################
//# Create a new WebSocket client
//#############################################################################

const ws = WebSocket.new();

//#############################################################################
//# Sending messages
//#############################################################################

const num_msgs = 5;
let count = 0;

function sendMessage() {
  count = count + 1;

  const payload = {
    action: "studycat_echo",
    message: "Time: " + String(system.getTimer()) + "",
  };

  const str = json.encode(payload);

  ws.send(str); // Send message to host
}

//#############################################################################
//# WebSocket client event handler
//#############################################################################

function WsHandler(event: WsEvent) {
  const etype = event.type;

  if (etype === ws.ONOPEN) {
    print("Received event: ONOPEN");
    print("=== Sending " + String(num_msgs) + " messages ===\n");
    sendMessage();
  } else if (etype === ws.ONMESSAGE) {
    const msg = event.data;

    print("Received event: ONMESSAGE");
    print("echoed message: '" + String(msg) + "'\n\n");

    if (count === num_msgs) {
      ws.disconnect();
    } else {
      timer.performWithDelay(500, () => {
        sendMessage();
      });
    }
  } else if (etype === ws.ONCLOSE) {
    print("Received event: ONCLOSE");
    print("code:reason", event.code, event.reason);
  } else if (etype === ws.ONERROR) {
    print("Received event: ONERROR");
    print("code:reason", event.code, event.reason);
  }
}

//#############################################################################
//# Add WebSocket client event handler
//#############################################################################

ws.addEventListener(ws.WSEVENT, WsHandler);

//#############################################################################
//# WebSocket client connect
//#############################################################################

ws.connect(demo_host.url);
