/**
 * Number, size and duration formatting for the English messages in `Problem`s.
 * Sizes are decimal (1 MB = 1,000,000 bytes), the way Bluesky states its 2,000,000-byte image limit.
 */

const INTEGER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const ONE_DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** `3104` → `"3,104"`. */
export function formatCount(value: number): string {
  return INTEGER.format(value);
}

/**
 * Bytes as decimal MB (or GB from 1,000 MB), one decimal at most, trailing `.0` dropped.
 * `roundUp` is for an actual size compared with a limit, so 2,000,001 bytes reads "2.1 MB", not "2 MB".
 */
export function formatBytes(bytes: number, roundUp = false): string {
  const megabytes = bytes / 1_000_000;
  const [value, unit] = megabytes >= 1000 ? [megabytes / 1000, 'GB'] : [megabytes, 'MB'];
  const rounded = roundUp ? Math.ceil(value * 10) / 10 : value;
  return `${ONE_DECIMAL.format(rounded)} ${unit}`;
}

/** Seconds as `"45 s"`, `"2 min 20 s"`, `"15 min"`, `"1 h 30 min"`, `"0.5 s"`. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${ONE_DECIMAL.format(seconds)} s`;
  const whole = Math.round(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  const parts: string[] = [];
  if (hours) parts.push(`${hours} h`);
  if (minutes) parts.push(`${minutes} min`);
  if (rest && !hours) parts.push(`${rest} s`);
  return parts.join(' ');
}

/** Plural helper for counts in messages: `pluralize(5, 'image')` → `"5 images"`. */
export function pluralize(count: number, noun: string, plural = `${noun}s`): string {
  return `${formatCount(count)} ${count === 1 ? noun : plural}`;
}
