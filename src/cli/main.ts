import { runExtract } from './commands/extract.js';
import { UsageError } from './usage.js';

const HELP = `quotegraph: attributed quotes, speakers and entities from news articles

Usage:
  quotegraph extract <file…> [--out FILE]   one annotation graph per input, as JSONL
  quotegraph --help | --version

Exit status: 0 all inputs written, 3 some skipped, 2 usage error, 1 other failure.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${HELP}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version') {
    process.stdout.write('quotegraph 0.1.0\n');
    return 0;
  }
  if (command === 'extract') return runExtract(rest);
  throw new UsageError(`unknown command "${command}"; run quotegraph --help`);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`quotegraph: ${err.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`quotegraph: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    }
  },
);
