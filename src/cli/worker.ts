// The worker-thread entry of `quotegraph extract --jobs N`: one document per call, each
// answer tagged with this thread's id, so that the runner can tell a recycled worker.
import { threadId } from 'node:worker_threads';
import { runExtractTask, type ExtractTask, type WorkerAnswer } from './extract/task.js';

export default function runInWorker(task: ExtractTask): WorkerAnswer | Promise<WorkerAnswer> {
  const answer = runExtractTask(task);
  return answer instanceof Promise ? answer.then((a) => ({ ...a, thread: threadId })) : { ...answer, thread: threadId };
}
