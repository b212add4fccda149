/**
 * Undo/redo history of immutable states: a pure reducer, so it is tested without a canvas.
 *
 * @remarks `key` coalesces a burst of edits (typing into one field) into one undo step: a commit
 * with the same key as the previous one replaces the present instead of pushing it.
 */
export interface History<State> {
  past: State[];
  present: State;
  future: State[];
  /** Coalescing key of the last commit; undefined after undo/redo or a commit without a key. */
  lastKey?: string;
}

/** How many undo steps are kept. */
export const HISTORY_LIMIT = 200;

/** A history holding only `present`. */
export function createHistory<State>(present: State): History<State> {
  return { past: [], present, future: [] };
}

/**
 * Records a new present; clears redo.
 *
 * @example commit(history, next, "config:task1:connector") // typing in one field: one undo step
 */
export function commit<State>(history: History<State>, next: State, key?: string): History<State> {
  if (next === history.present) return history;
  if (key !== undefined && key === history.lastKey) return { ...history, present: next, future: [] };
  const past = [...history.past, history.present];
  return { past: past.length > HISTORY_LIMIT ? past.slice(past.length - HISTORY_LIMIT) : past, present: next, future: [], lastKey: key };
}

/** Steps back one state; unchanged when there is nothing to undo. */
export function undo<State>(history: History<State>): History<State> {
  const previous = history.past[history.past.length - 1];
  if (previous === undefined) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] };
}

/** Steps forward one state; unchanged when there is nothing to redo. */
export function redo<State>(history: History<State>): History<State> {
  const [next, ...rest] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: rest };
}
