// next-auth v5 for browser sessions: email + password, JWT session cookie. The token carries the
// user id, the active company and the server-side session id (lib/auth/sessions.ts); the Actor and
// the session row are re-read from the database on each request, so sign-out ends the cookie for real.
import NextAuth, { CredentialsSignin, type DefaultSession, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authenticate } from "@/lib/auth/authenticate";
import { loadActor } from "@/lib/auth/load-actor";
import { endSession, startSession } from "@/lib/auth/sessions";
import { prisma } from "@/lib/db/client";
import { appUrl } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { AppError } from "@/lib/errors";


declare module "next-auth" {
  interface Session {
    user: { id: string; kind: "staff" | "retailer"; companyId: string | null; sessionId: string | null } & DefaultSession["user"];
  }
  interface User {
    kind?: "staff" | "retailer";
    companyId?: string | null;
    sid?: string;
  }
}

class LoginError extends CredentialsSignin {
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

const config: NextAuthConfig = {
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
          const sid = await startSession(prisma, { userId: actor.userId, kind: "browser", userAgent: request?.headers?.get("user-agent"), ip });
          return { id: actor.userId, email: actor.email, name: actor.name, kind: actor.kind, companyId: actor.kind === "staff" ? actor.companyId : null, sid };
        } catch (err) {
          if (err instanceof AppError) throw new LoginError(err.code, err.message);
          throw err;
        }
      },
    }),
  ],
  events: {
    // "Sign out" ends this browser's session row, so a copy of the cookie is dead too.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await endSession(prisma, sid, "sign_out");
    },
  },
  callbacks: {
    // Only our own origin: anything else (another host, a malformed URL) goes to the home page.
    redirect({ url, baseUrl }) {
      return safeRedirect(url, baseUrl);
    },
    async jwt({ token, user, trigger, session }) {
      if (user) {
        token.uid = user.id;
        token.kind = user.kind;
        token.companyId = user.companyId ?? null;
        token.sid = user.sid;
      }
      // Switching company: accepted only for a company the user is an active member of.
      if (trigger === "update" && session && typeof session.companyId === "string" && typeof token.uid === "string") {
        const actor = await loadActor(prisma, token.uid, session.companyId, typeof token.sid === "string" ? token.sid : null);
        if (actor?.kind === "staff" && actor.companyId === session.companyId) token.companyId = actor.companyId;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = String(token.uid ?? "");
      session.user.kind = token.kind === "retailer" ? "retailer" : "staff";
      session.user.companyId = (token.companyId as string | null) ?? null;
      session.user.sessionId = typeof token.sid === "string" ? token.sid : null;
      return session;
    },
  },
};

// Auth.js builds its own redirects from AUTH_URL; without it they follow the address the server
// listens on (http://0.0.0.0:3000). APP_URL (lib/env.ts) is the one public URL. Set on first use, not
// at import, so the environment is read when the app runs.
export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth(() => {
  process.env.AUTH_URL ??= appUrl();
  return config;
});

export function safeRedirect(url: string, baseUrl: string): string {
  try {
    const base = new URL(baseUrl);
    const target = new URL(url, base);
    if (target.origin !== base.origin) return baseUrl;
    return `${base.origin}${target.pathname}${target.search}${target.hash}`;
  } catch {
    return baseUrl;
  }
}
