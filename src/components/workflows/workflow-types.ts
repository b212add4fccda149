import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "~/server/api/root";

type WorkflowOutputs = inferRouterOutputs<AppRouter>["workflow"];

/** A row of the workflows list. */
export type WorkflowListItem = WorkflowOutputs["list"][number];
/** A published version as the versions list shows it. */
export type VersionListItem = WorkflowOutputs["versions"]["versions"][number];
/** A comparison of two versions, or of a version and the draft. */
export type VersionDiff = WorkflowOutputs["diff"];
