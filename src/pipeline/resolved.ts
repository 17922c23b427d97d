/** The options as stages read them, after `resolveOptions()` has checked the caller's. */
export interface ResolvedOptions {
  /** The publication date as ISO 8601 (`2025-11-26` or a full timestamp), if known. */
  published?: string;
  publishedSource?: 'options' | 'document' | 'html';
  outlet?: string;
  title?: string;
  timings: boolean;
}
