/** Where a command writes; injectable so tests can capture output. */
export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => Promise<string>;
}

/** A `flowgate` subcommand. Register new ones in `commands/index.ts`. */
export interface Command {
  name: string;
  /** Usage line, e.g. `validate FILE`. */
  usage: string;
  summary: string;
  /** Runs the command and returns the process exit code. */
  run: (args: string[], io: CommandIo) => Promise<number>;
}
