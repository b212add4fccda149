import { validateGraphJson, type ValidationResult } from "../../engine";
import type { CommandIo } from "../command";

/** Reads FILE and validates it; a missing argument or unreadable file is reported and yields undefined. */
export async function readGraph(args: string[], io: CommandIo): Promise<ValidationResult | undefined> {
  const [file] = args;
  if (!file) {
    io.stderr("Missing FILE argument.\n");
    return undefined;
  }
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    io.stderr(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return undefined;
  }
  return validateGraphJson(text);
}
