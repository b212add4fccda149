/** The graph of a new, empty workflow: a start and an end, connected. */
export function starterGraph(id: string, name: string) {
  return {
    schemaVersion: 1,
    id,
    name,
    metadata: {},
    nodes: [
      { id: "start", type: "start", label: "Start", position: { x: 0, y: 0 }, config: { inputFields: [], triggers: ["manual"] } },
      { id: "done", type: "end", label: "Done", position: { x: 320, y: 0 }, config: { outcome: "completed" } },
    ],
    edges: [{ id: "e-start-done", source: "start", sourceHandle: "next", target: "done" }],
  };
}
