/** Kinds of expression problems. */
export type ExpressionErrorKind = "syntax" | "unknown_field" | "type";

/** A problem in an expression, with the position it points at. */
export interface ExpressionError {
  kind: ExpressionErrorKind;
  /** Short message without source excerpt, e.g. `Unexpected token: EOF`. */
  message: string;
  /** 0-based character offset in the expression (or template) text. */
  offset: number;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  /** Length of the offending text (at least 1). */
  length: number;
}

/**
 * Builds an {@link ExpressionError}, computing line and column from the offset in `text`.
 *
 * @example expressionError("syntax", "Unexpected token", "a +\n+", 4, 1).line // 2
 */
export function expressionError(
  kind: ExpressionErrorKind,
  message: string,
  text: string,
  offset: number,
  length = 1,
): ExpressionError {
  const clamped = Math.max(0, Math.min(offset, text.length));
  const before = text.slice(0, clamped);
  const line = before.split("\n").length;
  const column = clamped - (before.lastIndexOf("\n") + 1) + 1;
  return { kind, message, offset: clamped, line, column, length: Math.max(1, length) };
}

/** Formats an error as `line:column message`. */
export function formatExpressionError(error: ExpressionError): string {
  return `${error.line}:${error.column} ${error.message}`;
}
