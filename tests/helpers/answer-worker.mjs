// A stand-in for quotegraph's extract worker that answers as it does (tagged with its thread
// id): a task whose text is a number keeps that many megabytes (as wink-nlp's lexicon keeps
// every word); "oom" allocates until the worker's heap cap kills it; "slow" runs for 3 s.
import { threadId } from 'node:worker_threads';

const kept = [];
export default function answer(task) {
  if (task.text === 'oom') {
    for (;;) kept.push(new Array(1024 * 128).fill(kept.length));
  }
  if (task.text === 'slow') {
    const until = Date.now() + 3000;
    while (Date.now() < until);
  }
  const mb = Number(task.text) || 0;
  for (let i = 0; i < mb; i++) kept.push(new Array(1024 * 128).fill(i));
  return { ok: true, line: `${task.id} ${threadId}`, words: 0, thread: threadId };
}
