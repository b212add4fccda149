import { graphJsonSchema } from "../../engine";
import type { Command } from "../command";

/** `flowgate schema`: prints the graph format's JSON Schema. */
export const schemaCommand: Command = {
  name: "schema",
  usage: "schema",
  summary: "Print the JSON Schema of the workflow graph format.",
  run: async (_args, io) => {
    io.stdout(`${JSON.stringify(graphJsonSchema(), null, 2)}\n`);
    return 0;
  },
};
