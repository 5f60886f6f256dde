// The sentiment scorer's thread (see scoring.ts). Plain JavaScript, so it starts the same way
// under `varde`, vitest and the benchmarks: it registers tsx, then loads the TypeScript scorer.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { scoreSentiment } = await import('./sentiment.ts');

parentPort.on('message', (msg) => {
  parentPort.postMessage({ id: msg.id, results: msg.texts.map((text) => scoreSentiment(text)) });
});
parentPort.postMessage({ ready: true });
