export declare class WebKitSession {
  static start(): Promise<WebKitSession>;
  readonly version: string;
  /** The driver's and MiniBrowser's last stderr lines. */
  stderr(): string;
  goto(url: string): Promise<void>;
  execute<T = unknown>(body: string, ...args: unknown[]): Promise<T>;
  setWindowSize(width: number, height: number, x?: number, y?: number): Promise<void>;
  key(type: "down" | "up", value: string): Promise<void>;
  click(selector: string): Promise<void>;
  screenshot(): Promise<Buffer>;
  close(): Promise<void>;
}
