import { describe, expect, it } from "vitest";
import { readBodyCapped } from "./body-limit";

function streamed(chunks: number, size: number): Request {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < chunks; i++) controller.enqueue(new Uint8Array(size));
      controller.close();
    },
  });
  return new Request("http://localhost/api", { method: "POST", body, duplex: "half" } as RequestInit);
}

describe("readBodyCapped", () => {
  it("returns a body within the limit", async () => {
    expect((await readBodyCapped(streamed(4, 100), 1000))?.byteLength).toBe(400);
  });

  it("refuses a streamed body that grows past the limit", async () => {
    expect(await readBodyCapped(streamed(20, 100), 1000)).toBeNull();
  });

  it("refuses a declared length over the limit without reading", async () => {
    const req = new Request("http://localhost/api", { method: "POST", body: "x".repeat(2000) });
    expect(await readBodyCapped(req, 1000)).toBeNull();
  });
});
