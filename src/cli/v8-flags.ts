import { setFlagsFromString } from 'node:v8';

/**
 * V8 settings for `quotegraph extract`, set before the library is loaded in this thread
 * or any worker starts (V8's flags are the process's, so worker isolates share them).
 *
 * `--no-turbo-inlining`: every isolate that loads the library spends its first few hundred
 * documents warming up, and most of that is TurboFan building big functions with their
 * callees inlined, then throwing them away when an inlined callee meets a new object shape
 * ("wrong map" deopts) and building them again. Without inlining each function is compiled
 * on its own and a deopt costs only that function. Measured on PolNeAR train (840
 * articles, one thread, 5 interleaved runs each): CPU 9.6–10.3 s → 8.5–8.8 s for the first
 * pass, with the same speed once warm (second pass 3.9–4.9 s either way), so one job is no
 * slower, and two jobs, which pay the warm-up once per worker, gain the most.
 */
export function tuneV8(): void {
  if (process.env.QUOTEGRAPH_V8_DEFAULTS === '1') return;
  setFlagsFromString('--no-turbo-inlining');
}
