import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing/useTestDatabase.ts";
import { listAllSourcingVersions, listAllSourcingVersionsInBatches } from "./sourcingRepository.ts";

const database = useTestDatabase();

describe("listAllSourcingVersionsInBatches", () => {
  it("reads exactly the versions of one whole read, in the same order, in batches of whole Kommunen", async () => {
    const whole = await listAllSourcingVersions(database.db);
    expect(whole.length).toBeGreaterThan(1000);
    for (const rowsPerBatch of [300, 1_000_000]) {
      const batches: Array<Awaited<ReturnType<typeof listAllSourcingVersions>>> = [];
      for await (const batch of listAllSourcingVersionsInBatches(database.db, rowsPerBatch)) {
        batches.push(batch);
      }
      expect(batches.flat()).toEqual(whole);
      if (rowsPerBatch === 300) expect(batches.length).toBeGreaterThan(whole.length / 1000);
      // No Kommune is split over two batches.
      const kommunen = batches.map(
        (batch) => new Set(batch.map((row) => row.sourcing.organisation.ags)),
      );
      for (let index = 1; index < kommunen.length; index += 1) {
        for (const key of kommunen[index] ?? []) expect(kommunen[index - 1]?.has(key)).toBe(false);
      }
    }
  });
});
