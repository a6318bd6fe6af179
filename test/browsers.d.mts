export type BrowserId = "chromium" | "firefox" | "webkit";
export declare const firefoxPath: string;
export declare const miniBrowserPath: string;
export declare const webkitDriverPath: string;
export declare const xvfbPath: string;
export declare const BROWSERS: ReadonlyArray<{
  id: BrowserId;
  name: string;
  files: string[];
  install: string;
}>;
export declare function missingBrowsers(ids?: BrowserId[]): string[];
export declare function browserVersions(): Record<BrowserId, string>;
export declare function assertBrowser(id: BrowserId): void;
