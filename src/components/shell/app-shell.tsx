import Link from "next/link";
import type { ReactNode } from "react";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";

type Props = {
  links: { href: string; label: string }[];
  user: { name: string; email: string; role: string };
  children: ReactNode;
};

/** The frame around every signed-in page: navigation for what the role allows, and who is signed in. */
export function AppShell({ links, user, children }: Props) {
  return (
    <div className="shell">
      <nav className="shell-nav" aria-label="Main">
        <Link href="/" className="brand">
          Flowgate
        </Link>
        {links.map((link) => (
          <NavLink key={link.href} href={link.href} label={link.label} />
        ))}
        <div className="shell-user">
          <span data-testid="current-user">{user.name}</span>
          <span className="badge" data-testid="current-role">
            {user.role}
          </span>
          <SignOutButton />
        </div>
      </nav>
      <main className="shell-main">{children}</main>
    </div>
  );
}
