/** Small helpers for the benchmark's output: percentiles, number formatting, a progress line on stderr. */

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export const fmt = (n: number, digits = 0) =>
  Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : String(n);

/**
 * One progress line on stderr: rewritten in place on a terminal, one line every few seconds
 * otherwise (so a log file stays readable).
 */
export interface Progress {
  /** Replaces the progress line. */
  update(text: string): void;
  /** Ends the progress line, optionally leaving `text` on its own line. */
  done(text?: string): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  let last = 0;
  let shown = false;
  return {
    update(text: string) {
      const now = Date.now();
      if (stream.isTTY) {
        stream.write(`\r\x1b[2K${text}`);
        shown = true;
      } else if (now - last >= 2_000) {
        stream.write(`${text}\n`);
        last = now;
      }
    },
    done(text?: string) {
      if (stream.isTTY && shown) stream.write('\r\x1b[2K');
      shown = false;
      last = 0;
      if (text) stream.write(`${text}\n`);
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
