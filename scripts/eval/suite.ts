/**
 * One area of `npm run eval`: it measures figures and declares the thresholds that
 * `npm run eval -- --check` holds (each a little under the figure last measured).
 */
export interface EvalSuite {
  readonly name: string;
  /** Whether the suite reads ../shared/data (skipped with a message where it is absent). */
  readonly needsSharedData: boolean;
  /** Measures and prints; returns figures by name (0..1 for rates). */
  run(): Promise<Record<string, number>> | Record<string, number>;
  /**
   * Run only when named with `--only`: timing suites, whose figures depend on what else
   * the machine is doing, stay out of the default run and of CI's `--check`.
   */
  readonly optIn?: boolean;
  /** Minimum values for figures, checked by --check. */
  readonly thresholds: Readonly<Record<string, number>>;
}
