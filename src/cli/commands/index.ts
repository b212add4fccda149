import type { Command } from "../command";
import { compileCommand } from "./compile";
import { schemaCommand } from "./schema";
import { validateCommand } from "./validate";

/** All subcommands, in help order. Later issues add `run` and `verify-ledger` here. */
export const commands: readonly Command[] = [validateCommand, compileCommand, schemaCommand];
