// The Aseprite API the sprite_share.lua fixture uses besides WebSocket: the active sprite, the
// script's parameters, and a Dialog whose widgets the tests read and click.

export interface Widget {
  id?: string;
  text?: string;
  onclick?: () => void;
}

export const app = {
  activeSprite: undefined as { filename: string; width: number; height: number } | undefined,
  params: {} as Record<string, string>,
};

export class DialogStandIn {
  readonly widgets: Widget[] = [];
  visible = false;
  closed = false;

  constructor(readonly title: string) {}

  label(widget: Widget): this {
    this.widgets.push(widget);
    return this;
  }
  button(widget: Widget): this {
    this.widgets.push(widget);
    return this;
  }
  modify(change: Widget): this {
    const widget = this.widgets.find((w) => w.id === change.id);
    if (widget) Object.assign(widget, change);
    return this;
  }
  show(_options: { wait?: boolean }): this {
    this.visible = true;
    return this;
  }
  close(): this {
    this.visible = false;
    this.closed = true;
    return this;
  }
  text(id: string): string | undefined {
    return this.widgets.find((w) => w.id === id)?.text;
  }
}

export const dialogs: DialogStandIn[] = [];

export function Dialog(title: string): DialogStandIn {
  const dialog = new DialogStandIn(title);
  dialogs.push(dialog);
  return dialog;
}
