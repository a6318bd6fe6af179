import { Area2D, type Node2D, PhysicsRayQueryParameters2D, TileMap } from "./engine.js";

export class Bomb extends Area2D {
  in_area: Node2D[] = [];
  from_player!: number;

  // Called from the animation.
  explode(): void {
    if (!this.is_multiplayer_authority()) {
      // Explode only on authority.
      return;
    }

    for (const p of this.in_area) {
      if ("exploded" in p) {
        // Checks if there is wall in between bomb and the object.
        const world_state = this.get_world_2d().direct_space_state;
        const query = PhysicsRayQueryParameters2D.create(this.position, p.position);
        query.hit_from_inside = true;
        const result = world_state.intersect_ray(query);
        if (!((result.collider as unknown) instanceof TileMap)) {
          // Exploded can only be called by the authority, but will also be called locally.
          (p.exploded as { rpc(...args: unknown[]): unknown }).rpc(this.from_player);
        }
      }
    }
  }

  done(): void {
    if (this.is_multiplayer_authority()) {
      this.queue_free();
    }
  }

  _on_bomb_body_enter(body: Node2D): void {
    if (!this.in_area.includes(body)) {
      this.in_area.push(body);
    }
  }

  _on_bomb_body_exit(body: Node2D): void {
    this.in_area.splice(this.in_area.indexOf(body), 1);
  }
}
