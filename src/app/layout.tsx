import type { Metadata } from "next";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "~/trpc/react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Flowgate", template: "%s · Flowgate" },
  description: "Design and run AI-agent workflows with people in control.",
  icons: { icon: "/favicon.svg" },
};

// Every page depends on the session and carries a per-request CSP nonce, so none is prerendered.
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
