import type { Command } from "../command";
import { readGraph } from "./read-graph";

/** `flowgate validate FILE`: prints "valid" (exit 0) or the problems as JSON (exit 1). */
export const validateCommand: Command = {
  name: "validate",
  usage: "validate FILE",
  summary: "Check a workflow graph; prints 'valid' or the problems as JSON.",
  run: async (args, io) => {
    const result = await readGraph(args, io);
    if (!result) return 2;
    if (!result.ok) {
      io.stdout(`${JSON.stringify(result.problems, null, 2)}\n`);
      return 1;
    }
    io.stdout("valid\n");
    for (const warning of result.problems) io.stderr(`warning ${warning.code}: ${warning.message}\n`);
    return 0;
  },
};
