import { describe, expect, it } from "vitest";
import { errorMessage } from "@/lib/logger";

describe("error messages in logs", () => {
  it("drop the parameters a failed query quotes", () => {
    const error = new Error('Failed query: insert into "messages" ("recipient", "body") values ($1, $2)\nparams: +905321234567,Sayın Ayşe Yılmaz');
    expect(errorMessage(error)).toBe('Failed query: insert into "messages" ("recipient", "body") values ($1, $2)');
    expect(errorMessage("plain")).toBe("plain");
  });
});
