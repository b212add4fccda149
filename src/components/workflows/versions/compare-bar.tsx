"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import type { VersionListItem } from "../workflow-types";
import { compareHref, type CompareTarget } from "./compare-href";

type Props = { workflowId: string; versions: VersionListItem[]; from?: string; to?: CompareTarget };

/** Picks the two sides of a comparison: a version, and another version or the current draft. */
export function CompareBar({ workflowId, versions, from, to }: Props) {
  const router = useRouter();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    router.push(compareHref(workflowId, String(form.get("from")), String(form.get("to"))));
  }

  const option = (version: VersionListItem) => (
    <option key={version.id} value={version.id}>
      v{version.version}
      {version.note ? ` — ${version.note}` : ""}
    </option>
  );

  return (
    <form className="panel compare-bar" onSubmit={onSubmit} aria-label="Compare versions" key={`${from}-${to}`}>
      <h2>Compare</h2>
      <label>
        From
        <select name="from" defaultValue={from ?? versions[1]?.id ?? versions[0]?.id}>
          {versions.map(option)}
        </select>
      </label>
      <label>
        To
        <select name="to" defaultValue={to ?? "draft"}>
          <option value="draft">Current draft</option>
          {versions.map(option)}
        </select>
      </label>
      <button type="submit" className="button">
        Compare
      </button>
    </form>
  );
}
