// Godot's Input singleton, the part a game script reads: actions pressed or not. The page's view
// (Phaser's keyboard) presses and releases them, as Godot's input map does from the keys.
const pressed = new Set<string>();

export const Input = {
  action_press(action: string): void {
    pressed.add(action);
  },
  action_release(action: string): void {
    pressed.delete(action);
  },
  is_action_pressed(action: string): boolean {
    return pressed.has(action);
  },
  /** +1 when only `positive` is pressed, -1 when only `negative` is, else 0. */
  get_axis(negative: string, positive: string): number {
    return Number(pressed.has(positive)) - Number(pressed.has(negative));
  },
};
