"use client";

import type { ReactNode } from "react";
import { VersionActions } from "~/components/workflows/versions/version-actions";
import { WorkflowEditor } from "./workflow-editor";

type Props = { workflowId: string; authors: Record<string, string>; toolbarExtras?: ReactNode };

/**
 * The designer page's client side: the editor with each published version's Compare and Roll
 * back actions (a render function cannot cross from a server page to a client component).
 */
export function DesignerScreen({ workflowId, authors, toolbarExtras }: Props) {
  return (
    <WorkflowEditor
      workflowId={workflowId}
      authors={authors}
      toolbarExtras={toolbarExtras}
      renderVersionActions={(version) => <VersionActions workflowId={workflowId} version={version} />}
    />
  );
}
