import { z } from "zod";

export const setUserActiveSchema = z.object({ userId: z.uuid(), active: z.boolean() });
export type SetUserActiveInput = z.infer<typeof setUserActiveSchema>;
