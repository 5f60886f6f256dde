/**
 * Reading a network's request timeout from configuration: a channel's `timeoutMs` setting and the
 * operator's `VARDE_<SLUG>_TIMEOUT_MS`, tried in the order given, the first usable one winning
 * (tests of networks that accept and never answer set them low). Providers have shipped with
 * different ideas of "usable"; each names its own with a TimeoutRule, and falls back to its own default.
 */

/** What a configured value must be, beyond a number above zero. */
export interface TimeoutRule {
  /** No Infinity. */
  finite?: boolean;
  /** Whole milliseconds only. */
  integer?: boolean;
  /** The longest timeout taken; a longer one is ignored. */
  max?: number;
}

/** Whole milliseconds from 1 ms to 10 minutes. */
export const WHOLE_MS_UP_TO_TEN_MINUTES: TimeoutRule = { integer: true, max: 600_000 };

/**
 * The first of `candidates` that is a number above zero (strings are read as numbers) and meets
 * `rule`, or `undefined` when none does, so the caller's default applies.
 */
export function configuredTimeoutMs(candidates: readonly unknown[], rule: TimeoutRule = {}): number | undefined {
  for (const candidate of candidates) {
    const ms = Number(candidate);
    if (ms > 0 && (!rule.finite || Number.isFinite(ms)) && (!rule.integer || Number.isInteger(ms)) && (rule.max === undefined || ms <= rule.max)) return ms;
  }
  return undefined;
}

/**
 * A channel's request timeout: its `timeoutMs` setting, else the operator's
 * `VARDE_<SLUG>_TIMEOUT_MS` (`values.TIMEOUT_MS`), the first usable under `rule`; else `fallback`.
 */
export function channelTimeoutMs(values: Record<string, string | undefined>, settings: Record<string, unknown>, fallback: number, rule: TimeoutRule = {}): number {
  return configuredTimeoutMs([settings.timeoutMs, values.TIMEOUT_MS], rule) ?? fallback;
}
