// One event-loop turn later, in Node (setImmediate) and in a browser page (a MessageChannel message,
// which unlike setTimeout(0) is not clamped to 4 ms): how the poll loops spin without a frame clock.

export const nextTurn: (callback: () => void) => void =
  typeof setImmediate === "function" ? (callback) => setImmediate(callback) : channelTurn();

function channelTurn(): (callback: () => void) => void {
  const queue: Array<() => void> = [];
  const channel = new MessageChannel();
  channel.port1.onmessage = () => queue.shift()?.();
  return (callback) => {
    queue.push(callback);
    channel.port2.postMessage(null);
  };
}
