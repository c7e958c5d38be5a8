import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { db } from "../client";
import { enforcementFiles, parties } from "../schema";

export async function listFilesWithParties(params: { officeId: string; limit?: number }) {
  const files = await db
    .select()
    .from(enforcementFiles)
    .where(eq(enforcementFiles.officeId, params.officeId))
    .orderBy(desc(enforcementFiles.createdAt), asc(enforcementFiles.fileNumber))
    .limit(params.limit ?? 100);
  if (files.length === 0) return [];
  const fileParties = await db
    .select()
    .from(parties)
    .where(and(eq(parties.officeId, params.officeId), inArray(parties.fileId, files.map((file) => file.id))))
    .orderBy(asc(parties.createdAt));
  return files.map((file) => ({ ...file, parties: fileParties.filter((party) => party.fileId === file.id) }));
}
