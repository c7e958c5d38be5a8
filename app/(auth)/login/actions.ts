"use server";

import { headers } from "next/headers";
import { AuthError, CredentialsSignin } from "next-auth";
import { clientIp } from "@/lib/auth/client-ip";
import { allowLoginAttempt } from "@/lib/auth/login-rate-limit";
import { signIn } from "@/lib/auth/config";
import { loginSchema, type LoginInput } from "./schema";

export type LoginResult = { error: "invalid" | "locked" | "validation" | "rateLimited" } | undefined;

/** Only a path of this site: an open redirect would let a phishing link borrow our login page. */
function safeNext(next: string | undefined): string {
  return next && /^\/(?![/\\])/.test(next) ? next : "/";
}

/** The public sign-in action; lockout and auditing happen in checkCredentials. */
export async function loginAction(input: LoginInput, next?: string): Promise<LoginResult> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return { error: "validation" };
  if (!allowLoginAttempt(clientIp(await headers()))) return { error: "rateLimited" };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeNext(next) });
  } catch (error) {
    if (error instanceof CredentialsSignin) return { error: error.code === "locked" ? "locked" : "invalid" };
    if (error instanceof AuthError) return { error: "invalid" };
    throw error; // the redirect after a successful sign-in
  }
}
