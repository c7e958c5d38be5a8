import { describe, expect, it } from "vitest";
import tr from "@/messages/tr.json";
import en from "@/messages/en.json";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe("message catalogs", () => {
  it("English has exactly the Turkish keys", () => {
    expect(keys(en).sort()).toEqual(keys(tr).sort());
  });

  it("has no empty text", () => {
    for (const catalog of [tr, en]) {
      for (const key of keys(catalog)) {
        const text = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalog);
        expect(text, key).not.toBe("");
      }
    }
  });
});
