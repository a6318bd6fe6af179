// How every browser test here launches Debian's Chromium: headless, as root, with no background
// networking (this machine's closed network refuses it, many connections at a time).
// --ignore-certificate-errors trusts self-signed certificates, so a page can reach a wss:// test
// server (godot-compat's Godot-style TLS echo server). It holds for every page this Chromium opens
// (tests, demo, benchmarks), which is safe here: they all talk to loopback servers only. (Vitest's
// playwright provider also opens its contexts with ignoreHTTPSErrors; the flag does not rely on that.)
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--ignore-certificate-errors",
  ],
};
