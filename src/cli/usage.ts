/** A mistake in the command line: exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Splits argv into positionals and `--flag value` / `--flag` options; `--` ends options. */
export function parseArgs(argv: string[], flags: { values: readonly string[]; booleans: readonly string[] }): { positionals: string[]; options: Record<string, string | boolean> } {
  const positionals: string[] = [];
  const options: Record<string, string | boolean> = {};
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!onlyPositionals && arg === '--') {
      onlyPositionals = true;
    } else if (!onlyPositionals && arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      const inline = eq < 0 ? undefined : arg.slice(eq + 1);
      if (flags.booleans.includes(name)) {
        if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
        options[name] = true;
      } else if (flags.values.includes(name)) {
        const v = inline ?? argv[++i];
        if (v === undefined) throw new UsageError(`--${name} needs a value`);
        options[name] = v;
      } else {
        throw new UsageError(`unknown option --${name}`);
      }
    } else if (!onlyPositionals && arg === '-h') {
      options.help = true;
    } else {
      positionals.push(arg);
    }
  }
  return { positionals, options };
}

/** A whole number ≥ 1, or a usage error naming the option. */
export function parsePositiveInt(v: string | boolean | undefined, name: string): number {
  const n = typeof v === 'string' && /^\d{1,9}$/.test(v.trim()) ? Number(v) : NaN;
  if (!(n >= 1)) throw new UsageError(`${name} takes a whole number ≥ 1, not "${String(v)}"`);
  return n;
}

/** A byte count such as 5000, 64k or 20M, or a usage error naming the option. */
export function parseSize(v: string | boolean | undefined, name: string): number {
  const m = typeof v === 'string' ? /^(\d{1,12})([kKmMgG]?)$/.exec(v.trim()) : null;
  if (!m) throw new UsageError(`${name} takes a size in bytes such as 500000, 64k or 20M, not "${String(v)}"`);
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  const n = Number(m[1]) * unit;
  if (n < 1) throw new UsageError(`${name} must be at least 1 byte`);
  return n;
}
