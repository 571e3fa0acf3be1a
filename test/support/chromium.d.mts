/** Flags for headless Chromium on a closed network. */
export declare const CHROMIUM_ARGS: string[];
/** The path of a Chromium or Chrome executable, or undefined. */
export declare function findChromium(): string | undefined;
/** Finds Chromium, installing Debian's package when possible; exits with an instruction otherwise. */
export declare function ensureChromium(): string;
