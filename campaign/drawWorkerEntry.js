// A thread that replays one port counterexample for the report: registers tsx, then posts drawHere's answer.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { drawHere } = await import('./drawnCounterexamples.ts');
parentPort.postMessage(await drawHere(workerData.file));
