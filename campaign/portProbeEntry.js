// A thread that imports a port once (portProbe.ts): registers tsx, then posts { error } (null: it imported).
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { importPortModule, describeImportError } = await import('./portImport.ts');
try {
  await importPortModule(workerData.path);
  parentPort.postMessage({ error: null });
} catch (e) {
  parentPort.postMessage({ error: describeImportError(e, workerData.path) });
}
