import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getEnv } from "@/lib/env";
import { db } from "@/lib/db/client";
import type { UserRole } from "@/lib/db/schema";
import { checkCredentials } from "./credentials";
import { clientIp } from "./client-ip";

class AccountLocked extends CredentialsSignin {
  code = "locked";
}
class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}

const credentialsSchema = z.object({ email: z.string().min(1), password: z.string().min(1) });

declare module "next-auth" {
  interface User {
    role?: UserRole;
    officeId?: string;
  }
  interface Session {
    user: { id: string; name: string; email: string; role: UserRole; officeId: string };
  }
}

const env = getEnv();

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: env.AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const result = await checkCredentials(db, { ...parsed.data, ip: clientIp(request.headers) });
        if (result.ok) {
          const { user } = result;
          return { id: user.id, name: user.name, email: user.email, role: user.role, officeId: user.officeId };
        }
        throw result.reason === "locked" ? new AccountLocked() : new InvalidCredentials();
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.officeId = user.officeId;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.uid as string;
      session.user.role = token.role as UserRole;
      session.user.officeId = token.officeId as string;
      return session;
    },
  },
});
