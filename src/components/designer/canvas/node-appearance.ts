import type { NodeType } from "~/engine";

/** A glyph per node type, shown on the node card and in the palette (decorative; names carry meaning). */
export const NODE_GLYPHS: { [Type in NodeType]: string } = {
  start: "▶",
  end: "■",
  task: "⚙",
  llm: "✦",
  decision: "◆",
  approval: "✓",
  guardrail: "⊘",
  escalation: "⇪",
  parallel: "⇉",
  join: "⋈",
  wait: "◷",
};

/** The accent colour of each node type, shared by the node cards and the minimap. */
export const NODE_COLORS: { [Type in NodeType]: string } = {
  start: "#2b8a3e",
  end: "#495057",
  task: "#3b5bdb",
  llm: "#7048e8",
  decision: "#e67700",
  approval: "#0c8599",
  guardrail: "#c2255c",
  escalation: "#d9480f",
  parallel: "#5f3dc4",
  join: "#5f3dc4",
  wait: "#1971c2",
};
