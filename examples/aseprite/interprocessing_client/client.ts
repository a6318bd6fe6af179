// Port of dacap/aseprite-interprocessing-demo client.lua (Aseprite ≤ 1.2.x: the MessageType global).
import { MessageType, WebSocket } from "@wsport/aseprite-compat";
import { app, ColorMode, Dialog, Image, string } from "../stand-in/app.ts";

/*
    Sync data via websocket - client side

    This script will keep running for a while if the dialog window
    is closed with an "x" button :(

    If that happens, close the sprite and open again (Shift + Ctrl + T)
*/

let ws: WebSocket | undefined; // websocket created later
let dlg: Dialog | undefined = Dialog();
let spr = app.activeSprite;

/*
Set up an image buffer for two reasons:
    a) the active cel might not be the same size as the sprite
    b) the sprite might not be in RGBA mode, and it's easier to use ase
       than do conversions on the other side.
*/
const buf = Image(spr!.width, spr!.height, ColorMode.RGB);

// magic number, not strictly required in this example
const IMAGE_ID = string.byte("I");

// clean up and exit
function finish() {
  if (ws !== undefined) ws.close();
  if (dlg !== undefined) dlg.close();
  spr!.onChange = undefined;
  app.site.onChange = undefined;
  spr = undefined;
  dlg = undefined;
}

function sendImage() {
  if (buf.width !== spr!.width || buf.height !== spr!.height) {
    buf.resize(spr!.width, spr!.height);
  }

  buf.clear();
  buf.drawSprite(spr!, app.activeFrame.frameNumber);

  ws!.sendBinary(string.pack("<LLL", IMAGE_ID, buf.width, buf.height), buf.bytes);
}

// close connection and ui if the sprite is closed
let frame = -1;
function onSiteChange() {
  if (app.activeSprite !== spr) {
    // quit if the sprite was closed
    for (const s of app.sprites) {
      if (s === spr) {
        // the sprite is open in an inactive tab
        break;
      }
    }

    finish();
  } else {
    // update the view after the frame changes
    if (app.activeFrame.frameNumber !== frame) {
      frame = app.activeFrame.frameNumber;
      sendImage();
    }
  }
}

// t is for type, there's already a lua function
function receive(t: number, message: string | Uint8Array) {
  if (t === MessageType.Open) {
    dlg!.modify({ id: "status", text: "Sync ON" });
    spr!.onChange = sendImage;
    app.site.onChange = onSiteChange;
    sendImage();
  } else if (t === MessageType.Close && dlg !== undefined) {
    dlg.modify({ id: "status", text: "No connection" });
    spr!.onChange = undefined;
    app.site.onChange = undefined;
  }
}

// set up a websocket
ws = WebSocket({ url: "http://127.0.0.1:34613", onreceive: receive, deflate: false });

// create an UI
dlg.label({ id: "status", text: "Connecting..." });
dlg.button({ text: "Cancel", onclick: finish });

// let's go!
ws.connect();
dlg.show({ wait: false });
