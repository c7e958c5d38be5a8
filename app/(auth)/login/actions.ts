"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth/config";
import { loginSchema, type LoginInput } from "./schema";

export type LoginResult = { error: "invalid" | "locked" | "validation" } | undefined;

/** The public sign-in action; lockout and auditing happen in checkCredentials. */
export async function loginAction(input: LoginInput): Promise<LoginResult> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return { error: "validation" };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: "/" });
  } catch (error) {
    if (error instanceof CredentialsSignin) return { error: error.code === "locked" ? "locked" : "invalid" };
    if (error instanceof AuthError) return { error: "invalid" };
    throw error; // the redirect after a successful sign-in
  }
}
