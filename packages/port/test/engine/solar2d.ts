// The Solar2D libraries the main.lua fixture requires besides the plugin: json, timer, and the
// app's own config module (where the tests put the server's URL).

export const json = {
  encode: (value: unknown) => JSON.stringify(value),
  decode: (text: string) => JSON.parse(text) as unknown,
};

export const timer = {
  performWithDelay: (delay: number, listener: () => void) => setTimeout(listener, delay),
};

export const config = { url: "" };
