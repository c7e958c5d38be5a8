import { and, eq } from "drizzle-orm";
import type { Database } from "./client";
import { enforcementFiles, offices, parties, users, type PartyRole, type UserRole } from "./schema";
import { hashPassword } from "../auth/password";

// Fixed ids keep the seed idempotent: running it again changes nothing.
export const DEMO_OFFICES = [
  {
    id: "00000000-0000-4000-8000-000000000001",
    name: "Aksaray İcra Dairesi",
    city: "Aksaray",
    senderName: "AKSARAYICRA",
    iban: "TR410001000012345678900001",
    domain: "aksaray.demo",
  },
  {
    id: "00000000-0000-4000-8000-000000000002",
    name: "Niğde İcra Dairesi",
    city: "Niğde",
    senderName: "NIGDEICRA",
    iban: "TR700001500098765432100002",
    domain: "nigde.demo",
  },
] as const;

export const DEMO_PASSWORD = "Demo.2026";

const DEMO_ROLES: { local: string; name: string; role: UserRole }[] = [
  { local: "admin", name: "Sistem Yöneticisi", role: "admin" },
  { local: "mudur", name: "İcra Müdürü", role: "manager" },
  { local: "katip", name: "Zabıt Kâtibi", role: "clerk" },
];

type DemoParty = { role: PartyRole; name: string; phone: string | null; isLawyer?: boolean };
const DEMO_FILES: { number: string; kind: string; parties: DemoParty[] }[] = [
  {
    number: "2024/1234",
    kind: "ilamsiz",
    parties: [
      { role: "creditor", name: "Av. Mehmet Kaya", phone: "+905321234567", isLawyer: true },
      { role: "debtor", name: "Ayşe Yılmaz", phone: "+905441112233" },
    ],
  },
  {
    number: "2025/87",
    kind: "kambiyo",
    parties: [
      { role: "creditor", name: "Şahin Ticaret Ltd. Şti.", phone: null },
      { role: "debtor", name: "İsmail Çelik", phone: "+905051234568" },
      { role: "third_party", name: "Gül Öztürk", phone: "+905359876543" },
    ],
  },
  {
    number: "2026/15",
    kind: "ilamli",
    parties: [{ role: "applicant", name: "Ömer Doğan", phone: "+905421234569" }],
  },
];

export type DemoLogin = { office: string; email: string; password: string; role: UserRole };

export const DEMO_LOGINS: DemoLogin[] = DEMO_OFFICES.flatMap((office) =>
  DEMO_ROLES.map((person) => ({ office: office.name, email: `${person.local}@${office.domain}`, password: DEMO_PASSWORD, role: person.role })),
);

export async function seedDemo(db: Database): Promise<DemoLogin[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const office of DEMO_OFFICES) {
    const { domain, ...values } = office;
    await db.insert(offices).values(values).onConflictDoNothing();
    for (const person of DEMO_ROLES) {
      const email = `${person.local}@${domain}`;
      await db.insert(users).values({ officeId: office.id, name: person.name, email, role: person.role, passwordHash }).onConflictDoNothing();
    }
    for (const file of DEMO_FILES) {
      const inserted = await db
        .insert(enforcementFiles)
        .values({ officeId: office.id, fileNumber: file.number, kind: file.kind })
        .onConflictDoNothing()
        .returning({ id: enforcementFiles.id });
      if (inserted.length === 0) continue;
      await db.insert(parties).values(file.parties.map((party) => ({ ...party, officeId: office.id, fileId: inserted[0].id })));
    }
  }
  return DEMO_LOGINS;
}

/** True once the last thing the seed writes exists, so a seed cut short is completed next time. */
export async function isSeeded(db: Database): Promise<boolean> {
  const lastOffice = DEMO_OFFICES[DEMO_OFFICES.length - 1];
  const rows = await db
    .select({ id: enforcementFiles.id })
    .from(enforcementFiles)
    .where(and(eq(enforcementFiles.officeId, lastOffice.id), eq(enforcementFiles.fileNumber, DEMO_FILES[DEMO_FILES.length - 1].number)))
    .limit(1);
  return rows.length > 0;
}
