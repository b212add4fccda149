import { z } from "zod";

import { GraphSchema } from "./schema";

/**
 * The JSON Schema (draft 2020-12) of the graph format, generated from the Zod schema.
 *
 * @remarks Describes the document as written (`io: "input"`): fields with defaults are optional.
 * The committed copy is `examples/graph.schema.json`; a test keeps the two equal.
 */
export function graphJsonSchema(): Record<string, unknown> {
  return {
    $id: "https://flowgate.dev/schemas/graph.schema.json",
    ...z.toJSONSchema(GraphSchema, { io: "input", unrepresentable: "any" }),
  };
}
