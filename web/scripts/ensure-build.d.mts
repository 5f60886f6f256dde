/** Builds web/dist when it is missing or older than its sources; resolves true when it built. */
export function ensureBuild(options?: { force?: boolean; quiet?: boolean }): Promise<boolean>;
export function isStale(): boolean;
