import { describe, expect, it } from "vitest";
import { celKey, celMatches, celSyntaxError } from "@/inngest/dev-engine/cel";

const run = { name: "sms/reply", data: { id: "m1", office: { code: "ank" }, count: 3 } };

describe("celMatches", () => {
  it("compares the run's event with the incoming one (waitForEvent match, cancelOn)", () => {
    expect(celMatches("event.data.id == async.data.id", { event: run, async: { data: { id: "m1" } } })).toBe(true);
    expect(celMatches("event.data.id == async.data.id", { event: run, async: { data: { id: "m2" } } })).toBe(false);
  });

  it("reads nested fields, string and number literals, and &&", () => {
    expect(celMatches("event.data.office.code == 'ank' && event.data.count > 2", { event: run })).toBe(true);
    expect(celMatches('event.data.office.code == "ank" && event.data.count == 3', { event: run })).toBe(true);
    expect(celMatches("event.data.count >= 4 || event.data.office.code == 'ist'", { event: run })).toBe(false);
  });

  it("treats a missing field, a type error or a non-boolean as no match", () => {
    expect(celMatches("event.data.missing == 'x'", { event: run })).toBe(false);
    expect(celMatches("event.data.office + 1 == 2", { event: run })).toBe(false);
    expect(celMatches("event.data.id", { event: run })).toBe(false);
  });
});

describe("celKey", () => {
  it("turns a key expression into a string", () => {
    expect(celKey("event.data.id", { event: run })).toBe("m1");
    expect(celKey("event.data.count", { event: run })).toBe("3");
    expect(celKey("event.data.office", { event: run })).toBe('{"code":"ank"}');
    expect(celKey("event.data.nothing", { event: run })).toBeUndefined();
  });
});

describe("celSyntaxError", () => {
  it("names the problem of an expression that does not parse", () => {
    expect(celSyntaxError("event.data.id ==")).toEqual(expect.any(String));
    expect(celSyntaxError("event.data.id == async.data.id")).toBeUndefined();
  });
});
