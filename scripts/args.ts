// Command-line options of the project's scripts (bench, fuzz): `--name N` read as a number.

const args = process.argv.slice(2);

/** The number given after `name` on the command line, or `fallback` where it is not given. */
export function numberOption(name: string, fallback: number): number {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
}
