// Follows Godot's modules/websocket/websocket_multiplayer_peer.h (its List of incoming packets).
// A first-in first-out queue whose take is O(1) at any length: a server relaying for many peers can
// hold tens of thousands of packets between two polls, where Array.shift copies what is left each time.

export class PacketQueue<T> {
  #items: Array<T | undefined> = [];
  /** Where the oldest item is; the slots before it are already taken. */
  #head = 0;

  get length(): number {
    return this.#items.length - this.#head;
  }

  push(item: T): void {
    this.#items.push(item);
  }

  /** The oldest item, left in place. */
  peek(): T | undefined {
    return this.#items[this.#head];
  }

  /** Takes the oldest item. */
  shift(): T | undefined {
    const items = this.#items;
    if (this.#head === items.length) return undefined;
    const item = items[this.#head];
    items[this.#head++] = undefined; // the queue keeps nothing it handed out alive
    if (this.#head === items.length) this.clear();
    else if (this.#head >= 1024 && this.#head * 2 >= items.length) {
      items.splice(0, this.#head); // a queue that never drains does not grow without bound
      this.#head = 0;
    }
    return item;
  }

  clear(): void {
    this.#items.length = 0;
    this.#head = 0;
  }
}
