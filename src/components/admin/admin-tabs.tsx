import Link from "next/link";

const TABS = [
  { id: "users", href: "/admin/users", label: "Users" },
  { id: "audit", href: "/admin/audit", label: "Audit log" },
] as const;

export function AdminTabs({ current }: { current: (typeof TABS)[number]["id"] }) {
  return (
    <nav aria-label="Admin" className="form-row" style={{ marginBottom: "1rem" }}>
      {TABS.map((tab) => (
        <Link key={tab.id} href={tab.href} className={tab.id === current ? "button" : "button secondary"}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
