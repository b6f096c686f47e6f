import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing/useTestDatabase.ts";
import {
  findProvider,
  listMemberships,
  listProviderEvents,
  listProviders,
} from "./providerRepository.ts";

const database = useTestDatabase();

describe("provider repository", () => {
  it("keeps the public ids of the shared data and the successor links", async () => {
    const krz = await findProvider(database.db, "krz");
    expect(krz).toMatchObject({ id: "krz", status: "renamed", successor: { id: "owl-it" } });
    const sit = await findProvider(database.db, "sit");
    expect(sit?.successor).toBeNull();
  });

  it("lists providers including city IT departments with member counts", async () => {
    const providers = await listProviders(database.db);
    expect(providers.length).toBeGreaterThanOrEqual(37);
    const koeln = providers.find((provider) => provider.id === "koeln-it");
    expect(koeln).toMatchObject({ kind: "stadt_it", memberCount: 1 });
    const sit = providers.find((provider) => provider.id === "sit");
    expect(sit?.memberCount).toBeGreaterThan(60);
  });

  it("derives today's provider for memberships of merged providers", async () => {
    const detmold = await listMemberships(database.db, { organisationKey: "05766020" });
    const viaKrz = detmold.find((membership) => membership.provider.id === "krz");
    expect(viaKrz?.currentProvider.id).toBe("owl-it");
    expect(viaKrz?.provenance.sourceUrls.length).toBeGreaterThan(0);
  });

  it("stores imprecise event dates as a range with the original text", async () => {
    const events = await listProviderEvents(database.db, ["regio-it"]);
    const merger = events.find((event) => event.type === "fusion");
    expect(merger?.date).toEqual({ text: "2011 (Herbst)", from: "2011-09-01", to: "2011-11-30" });
    expect(merger?.providers.map((provider) => provider.id)).toEqual(["infokom-gt"]);
    expect(merger?.target?.id).toBe("regio-it");
  });

  it("records the Südwestfalen-IT merger of 01.01.2018", async () => {
    const events = await listProviderEvents(database.db, ["sit"]);
    const merger = events.find((event) => event.date.from === "2018-01-01");
    expect(merger?.providers.map((provider) => provider.id).sort()).toEqual(["citkomm", "kdz-ws"]);
  });
});
