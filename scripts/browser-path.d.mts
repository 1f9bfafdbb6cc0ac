/** Path of the system Chromium/Chrome (CHROME_PATH, else the usual Debian paths), or undefined. */
export function browserPath(): string | undefined;
/** Flags that keep Chromium quiet and working as root on a closed network. */
export const CHROMIUM_ARGS: string[];
