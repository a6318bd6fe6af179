// ws takes send options as an object; these two are shared (by core's Node transport and the test
// server's echo and rooms) so a send allocates nothing extra.
export const AS_BINARY = Object.freeze({ binary: true });
export const AS_TEXT = Object.freeze({ binary: false });
