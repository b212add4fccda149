import { readFile } from "node:fs/promises";
import { resolve } from "node:path";

import { describe, expect, it } from "vitest";

import type { CommandIo } from "./command";
import { main } from "./main";

const root = resolve(__dirname, "../..");

async function cli(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const io: CommandIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readFile: async (path) => (path === "bad.json" ? '{"schemaVersion":1}' : readFile(resolve(root, path), "utf8")),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe("flowgate CLI", () => {
  it("validate: exit 0 and 'valid', or exit 1 and the problems as JSON", async () => {
    expect(await cli("validate", "examples/invoice-approval.json")).toMatchObject({ code: 0, stdout: "valid\n" });
    const bad = await cli("validate", "bad.json");
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)[0]).toMatchObject({ code: "INVALID_GRAPH", severity: "error" });
    expect((await cli("validate", "missing.json")).code).toBe(2);
  });

  it("compile prints the machine config; schema prints the JSON Schema", async () => {
    const compiled = await cli("compile", "examples/parallel-research.json");
    expect(compiled.code).toBe(0);
    expect(JSON.parse(compiled.stdout)).toMatchObject({ id: "parallel-research", initial: "start" });
    expect((await cli("compile", "bad.json")).code).toBe(1);
    const schema = await cli("schema");
    expect(JSON.parse(schema.stdout).$schema).toContain("2020-12");
  });

  it("prints help, and rejects unknown commands", async () => {
    expect((await cli("--help")).stdout).toContain("flowgate validate FILE");
    expect(await cli("launch")).toMatchObject({ code: 2, stderr: expect.stringContaining('Unknown command "launch"') });
  });
});
