// The demo's scenes (scene/game.tscn, scene/main.tscn, scene/combo.tscn) built in code: the same
// node names and the same signal connections, with the stand-in controls of ../stand-in/ui.ts.
import {
  AcceptDialog,
  Button,
  Control,
  GridContainer,
  HBoxContainer,
  ItemList,
  Label,
  LineEdit,
  named,
  Panel,
  RichTextLabel,
  VBoxContainer,
} from "../stand-in/ui.js";
import { Combo } from "./combo.js";
import { Game } from "./game.js";
import { Main } from "./main.js";

function label(name: string, text: string): Label {
  const node = named(new Label(), name);
  node.text = text;
  return node;
}

function button(name: string, text: string, visible = true, disabled = false): Button {
  const node = named(new Button(), name);
  node.text = text;
  node.visible = visible;
  node.disabled = disabled;
  return node;
}

function lineEdit(name: string, text: string): LineEdit {
  const node = named(new LineEdit(), name);
  node.text = text;
  return node;
}

/** scene/game.tscn */
export function instantiateGame(): Game {
  const action = button("Action", "Do Action!", true, true);
  const game = named(
    new Game(),
    "Game",
    named(
      new HBoxContainer(),
      "HBoxContainer",
      named(new RichTextLabel(), "RichTextLabel"),
      named(
        new VBoxContainer(),
        "VBoxContainer",
        label("Label", "Players:"),
        named(new ItemList(), "ItemList"),
        action,
      ),
    ),
  );
  action.pressed.connect(game._on_Action_pressed);
  return game;
}

/** scene/main.tscn */
export function instantiateMain(name = "Main"): Main {
  const host = button("Host", "Host");
  const connect = button("Connect", "Connect to");
  const disconnect = button("Disconnect", "Disconnect", false);
  const dialog = named(new AcceptDialog(), "AcceptDialog");
  dialog.dialog_text = "Connection closed";
  const main = named(
    new Main(),
    name,
    named(
      new Panel(),
      "Panel",
      named(
        new VBoxContainer(),
        "VBoxContainer",
        named(
          new HBoxContainer(),
          "HBoxContainer",
          label("Label", "Name"),
          lineEdit("NameEdit", "A Godot User"),
        ),
        named(
          new HBoxContainer(),
          "HBoxContainer2",
          named(
            new HBoxContainer(),
            "HBoxContainer",
            host,
            named(new Control(), "Control"),
            connect,
            disconnect,
          ),
          lineEdit("Hostname", "localhost"),
        ),
        named(new Control(), "Control"),
        instantiateGame(),
      ),
    ),
    dialog,
  );
  host.pressed.connect(main._on_Host_pressed);
  connect.pressed.connect(main._on_Connect_pressed);
  disconnect.pressed.connect(main._on_Disconnect_pressed);
  return main;
}

/** scene/combo.tscn: four games side by side. */
export function instantiateCombo(): Combo {
  return named(
    new Combo(),
    "Combo",
    named(
      new GridContainer(),
      "GridContainer",
      instantiateMain("Main"),
      instantiateMain("Main2"),
      instantiateMain("Main3"),
      instantiateMain("Main4"),
    ),
  );
}
