import type { Metadata } from "next";
import { VersionsView } from "~/components/workflows/versions/versions-view";
import { requireArea } from "~/server/auth/require";

export const metadata: Metadata = { title: "Versions" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ from?: string | string[]; to?: string | string[] }>;
};

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function VersionsPage({ params, searchParams }: Props) {
  await requireArea("workflows");
  const [{ id }, query] = await Promise.all([params, searchParams]);
  return <VersionsView workflowId={id} from={single(query.from)} to={single(query.to)} />;
}
