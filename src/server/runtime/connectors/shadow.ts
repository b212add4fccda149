import { z } from "zod";

/**
 * The marker a side-effecting connector's `preview` puts on its output in shadow mode, so the run
 * view can tell a would-be result from a real one. Spread it into an output schema's shape.
 */
export const shadowShape = { shadow: z.literal(true).optional() };

/** Id placeholders that previews return where the real call would return a created record's id. */
export const SHADOW_ID = "shadow";
