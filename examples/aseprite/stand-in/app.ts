// The smallest stand-in for the Aseprite API that the interprocessing demo's client.lua touches:
// the active sprite and frame, site changes, a Dialog with a status label and a Cancel button,
// an RGB Image that renders the sprite, and Lua's string.byte / string.pack("<LLL", ...).

export interface Sprite {
  width: number;
  height: number;
  /** The colour every pixel of the stand-in sprite has, frame by frame (1-based). */
  frames: number[];
  onChange: (() => void) | undefined;
}

export interface Frame {
  frameNumber: number;
}

export const app = {
  activeSprite: undefined as Sprite | undefined,
  activeFrame: { frameNumber: 1 } as Frame,
  sprites: [] as Sprite[],
  site: { onChange: undefined as (() => void) | undefined },
};

/** Opens a sprite as the active one (what the user did before running the script). */
export function open_sprite(width: number, height: number, frames: number[]): Sprite {
  const sprite: Sprite = { width, height, frames, onChange: undefined };
  app.sprites.push(sprite);
  app.activeSprite = sprite;
  app.activeFrame = { frameNumber: 1 };
  return sprite;
}

export const ColorMode = { RGB: 0 } as const;

export interface Image {
  width: number;
  height: number;
  bytes: Uint8Array;
  resize(width: number, height: number): void;
  clear(): void;
  drawSprite(sprite: Sprite, frameNumber: number): void;
}

/** `Image(width, height, ColorMode.RGB)`: 4 bytes (RGBA) per pixel. */
export function Image(width: number, height: number, _mode: number): Image {
  const image: Image = {
    width,
    height,
    bytes: new Uint8Array(width * height * 4),
    resize(w, h) {
      image.width = w;
      image.height = h;
      image.bytes = new Uint8Array(w * h * 4);
    },
    clear() {
      image.bytes.fill(0);
    },
    drawSprite(sprite, frameNumber) {
      const colour = sprite.frames[frameNumber - 1] ?? 0;
      for (let i = 0; i < image.bytes.length; i += 4) image.bytes.set([colour, colour, colour, 255], i);
    },
  };
  return image;
}

export interface Dialog {
  /** What the dialog shows, widget by widget. */
  readonly widgets: Map<string, { text: string; onclick?: () => void }>;
  /** Every modify() call's text, in order (a status may change faster than a test looks). */
  readonly history: string[];
  visible: boolean;
  label(options: { id: string; text: string }): void;
  button(options: { text: string; onclick: () => void }): void;
  modify(options: { id: string; text: string }): void;
  show(options: { wait: boolean }): void;
  close(): void;
}

/** Every dialog a script opened, newest last. */
export const dialogs: Dialog[] = [];

export function Dialog(): Dialog {
  const dialog: Dialog = {
    widgets: new Map(),
    history: [],
    visible: false,
    label: ({ id, text }) => void dialog.widgets.set(id, { text }),
    button: ({ text, onclick }) => void dialog.widgets.set(text, { text, onclick }),
    modify: ({ id, text }) => {
      dialog.history.push(text);
      const widget = dialog.widgets.get(id);
      if (widget !== undefined) widget.text = text;
    },
    show: () => {
      dialog.visible = true;
    },
    close: () => {
      dialog.visible = false;
    },
  };
  dialogs.push(dialog);
  return dialog;
}

/** Lua's string library, the two functions the demo uses. */
export const string = {
  byte: (s: string): number => s.charCodeAt(0),
  /** Only "<" (little-endian) and "L" (unsigned long: 8 bytes on 64-bit Linux and macOS). */
  pack(format: string, ...values: number[]): Uint8Array {
    if (!/^<L+$/.test(format)) throw new Error(`string.pack stand-in: unsupported format ${format}`);
    const bytes = new Uint8Array(8 * values.length);
    const view = new DataView(bytes.buffer);
    for (const [i, value] of values.entries()) view.setBigUint64(8 * i, BigInt(value), true);
    return bytes;
  },
};

/** Aseprite's print() writes to its console window; here, to this list. */
export const console_lines: string[] = [];

export function print(...args: unknown[]): void {
  console_lines.push(args.map(String).join("\t"));
}
