/** A mistake in the command line: exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Splits argv into positionals and `--flag value` / `--flag` options. */
export function parseArgs(argv: string[], flags: { values: readonly string[]; booleans: readonly string[] }): { positionals: string[]; options: Record<string, string | boolean> } {
  const positionals: string[] = [];
  const options: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
      if (flags.booleans.includes(name)) {
        options[name] = true;
      } else if (flags.values.includes(name)) {
        const v = inline ?? argv[++i];
        if (v === undefined) throw new UsageError(`--${name} needs a value`);
        options[name] = v;
      } else {
        throw new UsageError(`unknown option --${name}`);
      }
    } else {
      positionals.push(arg);
    }
  }
  return { positionals, options };
}
