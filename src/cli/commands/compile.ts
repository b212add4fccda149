import { compile } from "../../engine";
import type { Command } from "../command";
import { readGraph } from "./read-graph";

/** `flowgate compile FILE`: prints the XState machine config JSON (exit 0), or the problems (exit 1). */
export const compileCommand: Command = {
  name: "compile",
  usage: "compile FILE",
  summary: "Compile a workflow graph; prints the XState machine config JSON (open it in Stately's editor).",
  run: async (args, io) => {
    const result = await readGraph(args, io);
    if (!result) return 2;
    if (!result.ok) {
      io.stderr(`${JSON.stringify(result.problems, null, 2)}\n`);
      return 1;
    }
    io.stdout(`${JSON.stringify(compile(result.graph).config, null, 2)}\n`);
    return 0;
  },
};
