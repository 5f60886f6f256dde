/**
 * Scoring many texts without holding up the server: VADER and language detection cost ~0.1 ms a
 * text, which at thousands of webhook events a second is most of a core. A threaded scorer sends
 * the texts of everything arriving in the same tick to a worker thread in one message, so the
 * main thread keeps answering requests. When the thread is not ready, fails or exits, texts are
 * scored in-process: scoring never fails an ingest.
 */
import { Worker } from 'node:worker_threads';
import { scoreSentiment, type SentimentResult } from './sentiment.js';

export interface Scorer {
  score(texts: string[]): Promise<SentimentResult[]>;
  close(): Promise<void>;
}

export const inProcessScorer: Scorer = {
  score: async (texts) => texts.map((t) => scoreSentiment(t)),
  close: async () => {},
};

interface Pending {
  texts: string[];
  resolve(results: SentimentResult[]): void;
}

export function createThreadedScorer(onError: (err: unknown) => void = () => {}): Scorer {
  let worker: Worker | null = new Worker(new URL('./scoring.worker.mjs', import.meta.url));
  let ready = false;
  let next = 0;
  let queued: Pending[] = [];
  const inFlight = new Map<number, Pending[]>();
  const fallBack = (batch: Pending[]) => {
    for (const p of batch) p.resolve(p.texts.map((t) => scoreSentiment(t)));
  };
  const stop = (err?: unknown) => {
    if (err) onError(err);
    worker = null;
    ready = false;
    for (const batch of inFlight.values()) fallBack(batch);
    inFlight.clear();
    fallBack(queued);
    queued = [];
  };
  worker.unref();
  worker.on('message', (msg: { ready?: true; id?: number; results?: SentimentResult[] }) => {
    if (msg.ready) return void (ready = true);
    const batch = inFlight.get(msg.id!);
    inFlight.delete(msg.id!);
    let i = 0;
    for (const p of batch ?? []) p.resolve(msg.results!.slice(i, (i += p.texts.length)));
  });
  worker.on('error', stop);
  worker.on('exit', () => stop());
  const send = () => {
    const batch = queued;
    queued = [];
    if (!worker || !ready) return fallBack(batch);
    const id = ++next;
    inFlight.set(id, batch);
    worker.postMessage({ id, texts: batch.flatMap((p) => p.texts) });
  };
  return {
    score(texts) {
      if (texts.length === 0) return Promise.resolve([]);
      return new Promise((resolve) => {
        if (queued.length === 0) setImmediate(send);
        queued.push({ texts, resolve });
      });
    },
    async close() {
      const w = worker;
      stop();
      await w?.terminate();
    },
  };
}
