/** A loopback port that was free a moment ago (Node only). */
export declare function freePort(): Promise<number>;
