import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { env } from "~/env";
import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { authenticateWithPassword } from "~/server/services/auth/authenticate";
import { createOidcProvider } from "./oidc-provider";

const credentialsSchema = z.object({
  email: z.string().trim().max(320),
  password: z.string().max(1024),
});

export const RATE_LIMITED_ERROR = "RateLimited";

export const oidcProvider = createOidcProvider(env);

function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  return (typeof forwarded === "string" && forwarded.split(",")[0]?.trim()) || "unknown";
}

/**
 * next-auth v4: credentials (email + scrypt-hashed password) and, when configured from the
 * environment, one OIDC provider. JWT sessions carry only the user id: role and active state are
 * read from the database on every request, so a role change or a deactivation applies at once.
 */
export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        try {
          const user = await authenticateWithPassword(
            db,
            { maxFailures: env.LOGIN_MAX_FAILURES, windowMinutes: env.LOGIN_WINDOW_MINUTES },
            { ...parsed.data, ip: clientAddress(req.headers) },
          );
          return user ? { id: user.id, email: user.email, name: user.name } : null;
        } catch (error) {
          if (error instanceof AppError && error.code === "TOO_MANY_REQUESTS") throw new Error(RATE_LIMITED_ERROR);
          throw error;
        }
      },
    }),
    ...(oidcProvider ? [oidcProvider] : []),
  ],
  callbacks: {
    async signIn({ user, account }) {
      if (account?.provider !== "oidc") return true;
      // SSO signs in existing, active people only; admins create accounts in /admin/users.
      const email = user.email?.trim().toLowerCase();
      if (!email) return false;
      const known = await db.user.findUnique({ where: { email } });
      return Boolean(known?.active);
    },
    async jwt({ token, user, account }) {
      if (user && account?.provider === "oidc" && user.email) {
        const known = await db.user.findUnique({ where: { email: user.email.trim().toLowerCase() } });
        if (known) token.sub = known.id;
      } else if (user) {
        token.sub = user.id;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      return session;
    },
  },
};
