import { gamestate } from "./autoload.js";
import type { Node2D } from "./engine.js";
import {
  assert,
  Color,
  Control,
  HBoxContainer,
  HORIZONTAL_ALIGNMENT_CENTER,
  Label,
  preload,
} from "./engine.js";

export class Score extends HBoxContainer {
  player_labels = new Map<number, { name: string; label: Label; score: number }>();

  _process(_delta: number): void {
    const rocks_left = (this.get_node("../Rocks") as Node2D).get_child_count();
    if (rocks_left === 0) {
      let winner_name: string = "";
      let winner_score = 0;
      for (const p of this.player_labels.keys()) {
        if (this.player_labels.get(p)!.score > winner_score) {
          winner_score = this.player_labels.get(p)!.score;
          winner_name = this.player_labels.get(p)!.name;
        }
      }

      (this.get_node("../Winner") as Label).set_text("THE WINNER IS:\n" + winner_name);
      (this.get_node("../Winner") as Label).show();
    }
  }

  increase_score(for_who: number): void {
    assert(this.player_labels.has(for_who));

    const pl = this.player_labels.get(for_who)!;
    pl.score += 1;
    pl.label.set_text(pl.name + "\n" + String(pl.score));
  }

  add_player(id: number, new_player_name: string): void {
    const label = new Label();
    label.horizontal_alignment = HORIZONTAL_ALIGNMENT_CENTER;
    label.text = new_player_name + "\n" + "0";
    label.modulate = gamestate.get_player_color(new_player_name);
    label.size_flags_horizontal = Control.SIZE_EXPAND_FILL;
    label.add_theme_font_override("font", preload("res://montserrat.otf"));
    label.add_theme_color_override("font_outline_color", Color.BLACK);
    label.add_theme_constant_override("outline_size", 9);
    label.add_theme_font_size_override("font_size", 18);
    this.add_child(label);

    this.player_labels.set(id, {
      name: new_player_name,
      label: label,
      score: 0,
    });
  }

  _ready(): void {
    (this.get_node("../Winner") as Label).hide();
  }

  _on_exit_game_pressed(): void {
    gamestate.end_game();
  }
}
