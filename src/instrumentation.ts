/** Next.js start-up hook. NEXT_RUNTIME is Next's own marker; database work exists only on Node.js. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("./instrumentation-node");
    await startServer();
  }
}
