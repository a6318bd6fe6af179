// The smallest stand-in for the Defold engine calls the example's gui_script makes besides
// websocket: gui nodes (enabled, text, a box to click), msg.post, vmath, and Lua's tostring and
// os.date. Clicking is on_input("touch", { pressed, x, y }) at a node's centre, as the engine sends it.
import { gui_nodes } from "./nodes.ts";

export interface GuiNode {
  readonly id: string;
  x: number;
  y: number;
  enabled: boolean;
  text: string;
}

const SIZE = 40;

export const gui = {
  get_node(id: string): GuiNode {
    const node = gui_nodes.get(id);
    if (node === undefined) throw new Error(`No such node: ${id}`);
    return node;
  },
  set_enabled(node: GuiNode, enabled: boolean): void {
    node.enabled = enabled;
  },
  is_enabled(node: GuiNode): boolean {
    return node.enabled;
  },
  set_text(node: GuiNode, text: string): void {
    node.text = text;
  },
  get_text(node: GuiNode): string {
    return node.text;
  },
  pick_node(node: GuiNode, x: number, y: number): boolean {
    return Math.abs(x - node.x) <= SIZE / 2 && Math.abs(y - node.y) <= SIZE / 2;
  },
};

/** Messages posted with msg.post, in order (the render clear colour, input focus). */
export const posted: Array<{ receiver: string; message_id: string; message?: unknown }> = [];

export const msg = {
  post(receiver: string, message_id: string, message?: unknown): void {
    posted.push({ receiver, message_id, message });
  },
};

export const vmath = {
  vector4: (x: number, y: number, z: number, w: number) => ({ x, y, z, w }),
};

/** Lua's tostring: nil for undefined and null, the value's text otherwise. */
export function tostring(value: unknown): string {
  return value === undefined || value === null ? "nil" : String(value);
}

export const os = {
  /** Only the format the example uses, "%H:%M:%S". */
  date(format: string): string {
    if (format !== "%H:%M:%S") throw new Error(`os.date stand-in: unsupported format ${format}`);
    return new Date().toTimeString().slice(0, 8);
  },
};

/** The action table of a click on `node` (what the engine passes to on_input). */
export function click(node: GuiNode): { pressed: boolean; x: number; y: number } {
  return { pressed: true, x: node.x, y: node.y };
}
