// next-auth v5 for browser sessions: email + password, JWT session cookie. The token carries the
// user id and the active company; the Actor is re-read from the database on each request.
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authenticate } from "@/lib/auth/authenticate";
import { loadActor } from "@/lib/auth/load-actor";
import { prisma } from "@/lib/db/client";
import { clientAddress } from "@/lib/http/client-address";
import { AppError } from "@/lib/errors";

declare module "next-auth" {
  interface Session {
    user: { id: string; kind: "staff" | "retailer"; companyId: string | null } & DefaultSession["user"];
  }
  interface User {
    kind?: "staff" | "retailer";
    companyId?: string | null;
  }
}

class LoginError extends CredentialsSignin {
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth({
  trustHost: true,
  secret: process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: 7 * 24 * 3600 },
  pages: { signIn: "/login" },
  // A wrong password is an answer, not a server error: keep it out of the error log.
  logger: {
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(JSON.stringify({ level: "error", msg: "auth", error: String(error.stack ?? error) }));
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const ip = clientAddress(request?.headers);
        try {
          const actor = await authenticate(prisma, { email: String(credentials?.email ?? ""), password: String(credentials?.password ?? ""), ip });
          if (actor.kind === "system") return null;
          return { id: actor.userId, email: actor.email, name: actor.name, kind: actor.kind, companyId: actor.kind === "staff" ? actor.companyId : null };
        } catch (err) {
          if (err instanceof AppError) throw new LoginError(err.code, err.message);
          throw err;
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user, trigger, session }) {
      if (user) {
        token.uid = user.id;
        token.kind = user.kind;
        token.companyId = user.companyId ?? null;
      }
      // Switching company: accepted only for a company the user is an active member of.
      if (trigger === "update" && session && typeof session.companyId === "string" && typeof token.uid === "string") {
        const actor = await loadActor(prisma, token.uid, session.companyId);
        if (actor?.kind === "staff" && actor.companyId === session.companyId) token.companyId = actor.companyId;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = String(token.uid ?? "");
      session.user.kind = token.kind === "retailer" ? "retailer" : "staff";
      session.user.companyId = (token.companyId as string | null) ?? null;
      return session;
    },
  },
});
