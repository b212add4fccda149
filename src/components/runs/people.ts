import type { NameOf } from "./describe-event";

/** Display names of users by id, read by the page on the server (runs record user ids only). */
export type People = Readonly<Record<string, string>>;

/** Names people in a trace by id; an id the page did not know stays anonymous. */
export function nameOfPeople(people: People): NameOf {
  return (userId) => people[userId] ?? "an unknown user";
}
