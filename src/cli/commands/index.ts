import type { Command } from "../command";
import { compileCommand } from "./compile";
import { runCommand } from "./run";
import { schemaCommand } from "./schema";
import { validateCommand } from "./validate";
import { verifyLedgerCommand } from "./verify-ledger";

/** All subcommands, in help order. */
export const commands: readonly Command[] = [validateCommand, compileCommand, schemaCommand, runCommand, verifyLedgerCommand];
