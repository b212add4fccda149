import { readFile } from "node:fs/promises";

import type { Command, CommandIo } from "./command";
import { commands } from "./commands";

const processIo: CommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFile(path, "utf8"),
};

function help(list: readonly Command[]): string {
  const width = Math.max(...list.map((command) => command.usage.length));
  const lines = list.map((command) => `  flowgate ${command.usage.padEnd(width)}  ${command.summary}`);
  return `Usage:\n${lines.join("\n")}\n`;
}

/**
 * Runs the `flowgate` command line and returns the exit code.
 *
 * @example await main(["validate", "examples/invoice-approval.json"]) // 0
 */
export async function main(argv: string[], io: CommandIo = processIo, list: readonly Command[] = commands): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    io.stdout(help(list));
    return name === undefined ? 2 : 0;
  }
  const command = list.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr(`Unknown command "${name}".\n${help(list)}`);
    return 2;
  }
  return command.run(args, io);
}
