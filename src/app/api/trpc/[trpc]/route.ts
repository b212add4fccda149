import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { MAX_BODY_BYTES, readBodyCapped } from "~/server/api/body-limit";
import { createRequestContext } from "~/server/api/context";
import { appRouter } from "~/server/api/root";

async function handler(incoming: Request) {
  let req = incoming;
  if (req.method === "POST") {
    const body = await readBodyCapped(req);
    if (!body) {
      const message = `Request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB.`;
      return Response.json([{ error: { message, code: -32600, data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413 } } }], {
        status: 413,
      });
    }
    req = new Request(incoming, { body: body as BodyInit });
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: createRequestContext,
    onError({ path, error }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path ?? "?"}: ${error.message}`);
    },
  });
}

export { handler as GET, handler as POST };
