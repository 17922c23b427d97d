// A pool worker that keeps what it allocates (as wink-nlp's lexicon keeps every word it met):
// each task retains MB megabytes and answers with its thread id and the heap it holds.
import { threadId } from 'node:worker_threads';

const kept = [];
export default function retain(mb) {
  for (let i = 0; i < mb; i++) kept.push(new Array(1024 * 128).fill(i));
  return { threadId, heapMb: Math.round(process.memoryUsage().heapUsed / 1048576) };
}
