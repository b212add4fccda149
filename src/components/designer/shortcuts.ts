/** The editor's keyboard shortcuts, as the help overlay lists them. */
export const SHORTCUTS: readonly { keys: string; description: string }[] = [
  { keys: "Ctrl/⌘ Z", description: "Undo" },
  { keys: "Ctrl/⌘ Shift Z · Ctrl Y", description: "Redo" },
  { keys: "Ctrl/⌘ C", description: "Copy selected nodes (and the edges between them)" },
  { keys: "Ctrl/⌘ V", description: "Paste" },
  { keys: "Ctrl/⌘ A", description: "Select everything" },
  { keys: "Delete · Backspace", description: "Delete the selection and its edges" },
  { keys: "Shift + drag", description: "Select with a box" },
  { keys: "Shift/Ctrl/⌘ + click", description: "Add to the selection" },
  { keys: "Shift L", description: "Auto-layout (left to right)" },
  { keys: "Shift F", description: "Fit the workflow into view" },
  { keys: "G", description: "Snap to grid on/off" },
  { keys: "Esc", description: "Clear the selection / close this help" },
  { keys: "?", description: "Show or hide this help" },
];

/** Whether a key event comes from a text control (where shortcuts must not fire). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}
