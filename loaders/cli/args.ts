import {parseArgs} from "node:util";

/**
 * The command lines' conventions, in one place: `--help` (or `-h`) prints the
 * usage on stdout and exits 0; an unknown option, a missing value or a
 * misplaced argument is a UsageError: one line on stderr naming it and where
 * the usage is, exit 2 (see run.ts).
 */
export interface OptionSpec {
  type: "string" | "boolean";
  /** The value's placeholder in the usage, e.g. DIR. */
  value?: string;
  default?: string;
  /** A string option the command cannot run without. */
  required?: boolean;
  help: string;
}

export interface CommandSpec<O extends Record<string, OptionSpec>> {
  /** How it is run, e.g. "npm run tables --". */
  command: string;
  /** The positional arguments as the usage shows them, e.g. "<version>". */
  positionals?: string;
  summary: string;
  options: O;
  /** Lines after the options: exit statuses, examples. */
  notes?: readonly string[];
}

/** A mistake in how a command was called: said in one line, exit 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** How the command is run, for the pointer to its --help. */
    readonly command: string,
  ) {
    super(message);
  }

  /** The one line a usage mistake prints. */
  get line(): string {
    return `error: ${this.message} (${this.command} --help shows the usage)`;
  }
}

export type Values<O extends Record<string, OptionSpec>> = {
  [K in keyof O]: O[K]["type"] extends "boolean" ? boolean : O[K]["default"] extends string ? string : O[K]["required"] extends true ? string : string | undefined;
};

/** The usage line and the help text of a command. */
export function usageOf<O extends Record<string, OptionSpec>>(spec: CommandSpec<O>): {line: string; help: string} {
  const flags = Object.entries(spec.options).map(([name, o]) => (o.type === "boolean" ? `[--${name}]` : o.required ? `--${name} ${o.value ?? "VALUE"}` : `[--${name} ${o.value ?? "VALUE"}]`));
  const line = `usage: ${spec.command} ${[spec.positionals ?? "", ...flags].filter((s) => s).join(" ")}`;
  const rows = Object.entries(spec.options).map(([name, o]) => [`--${name}${o.type === "string" ? ` ${o.value ?? "VALUE"}` : ""}`, o.help + (o.default === undefined ? "" : ` (default ${o.default})`)]);
  rows.push(["-h, --help", "print this help and exit"]);
  const width = Math.max(...rows.map(([flag]) => flag.length));
  const help = [line, "", spec.summary, "", "options:", ...rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`), ...(spec.notes ? ["", ...spec.notes] : [])].join("\n");
  return {line, help};
}

/**
 * Parses the arguments by the spec. `--help` prints the help and returns null
 * (the command then does nothing); a mistake throws a UsageError.
 */
export function parseCommand<O extends Record<string, OptionSpec>>(spec: CommandSpec<O>, args: readonly string[] = process.argv.slice(2)): {values: Values<O>; positionals: string[]} | null {
  const {help} = usageOf(spec);
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(help + "\n");
    return null;
  }
  const options = Object.fromEntries(Object.entries(spec.options).map(([name, o]) => [name, o.default === undefined ? {type: o.type} : {type: o.type, default: o.default}]));
  try {
    const parsed = parseArgs({args: [...args], options, allowPositionals: spec.positionals !== undefined, strict: true});
    const absent = Object.entries(spec.options).find(([name, o]) => o.required && parsed.values[name] === undefined);
    if (absent) throw new UsageError(`--${absent[0]} ${absent[1].value ?? "VALUE"} is required`, spec.command);
    return {values: parsed.values as Values<O>, positionals: parsed.positionals};
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(plainMessage(error), spec.command);
  }
}

/** Node's parseArgs message without its advice to pass '--' (which does not apply to these commands). */
function plainMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const plain = message.replace(/\. To specify a positional argument starting with a '-'.*$/s, "").replace(/\. Use `--[^`]*` .*$/s, "");
  return plain.charAt(0).toLowerCase() + plain.slice(1);
}

/** parseCommand for scripts that run at top level (not through runCli): `--help` exits 0, a usage mistake exits 2 after its one line. */
export function commandOrExit<O extends Record<string, OptionSpec>>(spec: CommandSpec<O>, args: readonly string[] = process.argv.slice(2)): {values: Values<O>; positionals: string[]} {
  try {
    const parsed = parseCommand(spec, args);
    if (parsed === null) process.exit(0);
    return parsed;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.line}\n`);
    process.exit(2);
  }
}
