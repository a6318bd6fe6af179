import type { Browser } from "puppeteer-core";
export declare function launchFirefox(): Promise<Browser>;
