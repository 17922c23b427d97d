// The worker-thread entry of `quotegraph extract --jobs N`: one document per call.
import { runExtractTask } from './extract/task.js';

export default runExtractTask;
