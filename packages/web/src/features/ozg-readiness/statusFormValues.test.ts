import { describe, expect, it } from "vitest";
import { toStatusChange, toStatusFormValues } from "./statusFormValues.ts";

describe("status form values", () => {
  const demoRecord = {
    status: "geplant" as const,
    onlineService: { id: "melde-online", name: "Online-Meldedienste (Demo)" },
    plannedDate: "2026-09-01",
    informationSource: "Demodaten (synthetisch)",
    informationDate: "2025-03-01",
    note: null,
    demo: true,
  };

  it("does not carry a demo record's source and date into the form", () => {
    expect(toStatusFormValues("geplant", demoRecord, "2026-02-10")).toEqual({
      status: "geplant",
      onlineServiceId: "melde-online",
      plannedDate: "2026-09-01",
      informationSource: "",
      informationDate: "2026-02-10",
      note: "",
    });
  });

  it("drops the planned date once the Leistung is online and the service when not responsible", () => {
    const values = toStatusFormValues("geplant", demoRecord, "2026-02-10");
    expect(toStatusChange({ ...values, status: "online" })).toMatchObject({
      status: "online",
      onlineServiceId: "melde-online",
      plannedDate: null,
      informationSource: null,
    });
    expect(toStatusChange({ ...values, status: "nicht_zustaendig" }).onlineServiceId).toBeNull();
  });
});
