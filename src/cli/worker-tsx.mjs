// The worker entry when quotegraph runs from its TypeScript source (tsx, tests): worker
// threads on Node 20 do not inherit tsx's loader, so it is registered here first.
import { register } from 'tsx/esm/api';

register();
const { default: runExtractTask } = await import('./worker.ts');

export default runExtractTask;
