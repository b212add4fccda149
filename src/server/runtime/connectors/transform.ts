import { z } from "zod";
import { defineConnector } from "./contract";

const FieldsSchema = z.record(z.string(), z.unknown());

/**
 * `transform`: returns its input. The engine has already evaluated the task's input mapping, so a
 * task with this connector computes values (a variance, a label) into `steps.<id>.output`.
 *
 * @example mapping `{ "variance": "input.amount - steps.lookupPo.output.amount" }` → output `{ variance: 200 }`
 */
export const transformConnector = defineConnector({
  name: "transform",
  description: "Computes values from the run: returns the evaluated input fields as the step's output.",
  input: FieldsSchema,
  output: FieldsSchema,
  sideEffect: "none",
  execute: (input) => Promise.resolve(input),
});
