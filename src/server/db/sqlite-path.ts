import { resolve } from "node:path";

/** Turns `file:./data/x.db` (or a bare path) into an absolute file path, relative to the cwd. */
export function sqliteFilePath(databaseUrl: string): string {
  const path = databaseUrl.replace(/^file:/, "").replace(/\?.*$/, "");
  return resolve(/*turbopackIgnore: true*/ process.cwd(), path);
}
