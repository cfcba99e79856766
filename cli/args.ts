/**
 * Flag parsing shared by the subcommands: `--name value`, `--name=value` and boolean
 * `--name`. Unknown flags and bad values are UsageErrors that name the flag and why.
 */
import { UsageError } from '../campaign/usageError.ts';

export interface FlagSpec {
  /** 'boolean' flags take no value; 'string' and 'int' take one; 'list' may repeat. */
  type: 'boolean' | 'string' | 'int' | 'list';
  min?: number;
  max?: number;
  /** For --help: what the flag does, its value's placeholder, its default. */
  help?: string;
  value?: string;
  default?: string;
}

export interface ParsedArgs {
  flags: Map<string, string | boolean | number | string[]>;
  positional: string[];
}

/** Parses argv against specs; throws UsageError for anything else. */
export function parseArgs(command: string, argv: readonly string[], specs: Record<string, FlagSpec>): ParsedArgs {
  const flags = new Map<string, string | boolean | number | string[]>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const spec = specs[name];
    if (!spec) throw new UsageError(`daxcheck ${command}: unknown flag --${name} (known: ${Object.keys(specs).map((k) => `--${k}`).join(', ') || 'none'})`);
    if (spec.type === 'boolean') {
      if (eq >= 0) throw new UsageError(`daxcheck ${command}: --${name} takes no value`);
      flags.set(name, true);
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') throw new UsageError(`daxcheck ${command}: --${name} needs a value`);
    flags.set(name, convert(command, name, spec, value, flags.get(name)));
  }
  return { flags, positional };
}

function convert(command: string, name: string, spec: FlagSpec, value: string, previous: unknown): string | number | string[] {
  switch (spec.type) {
    case 'string': return value;
    case 'list': return [...((previous as string[] | undefined) ?? []), value];
    case 'int': {
      if (!/^-?\d+$/.test(value)) throw new UsageError(`daxcheck ${command}: --${name} takes a whole number, not "${value}"`);
      const n = Number(value);
      if (!Number.isSafeInteger(n)) throw new UsageError(`daxcheck ${command}: --${name} ${value}: too large (whole numbers up to 2^53 - 1 are taken exactly)`);
      if (spec.max !== undefined && n > spec.max) throw new UsageError(`daxcheck ${command}: --${name} must be at most ${spec.max}, not ${value}`);
      if (spec.min !== undefined && n < spec.min) throw new UsageError(`daxcheck ${command}: --${name} must be at least ${spec.min}, not ${n}`);
      return n;
    }
    case 'boolean': return value;
  }
}
