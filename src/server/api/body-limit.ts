export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Reads a request body up to `max` bytes; returns `null` as soon as it grows past that, whether
 * the client declared its length or streamed it chunked.
 */
export async function readBodyCapped(req: Request, max = MAX_BODY_BYTES): Promise<Uint8Array | null> {
  if (Number(req.headers.get("content-length") ?? 0) > max) return null;
  if (!req.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
