import { z } from "zod";

/**
 * LeiKa-Typ: who regulates and who executes a service (digital-direkt.nrw FAQ "LeiKa-Typ",
 * data/SOURCES.md S7): 1 Bund; 2/3 Bund regulates, Land or Kommune executes; 4 Land regulates;
 * 5 Kommune regulates and executes. Typ 6 occurs in the source without an explanation.
 */
export const LeikaType = z.enum(["1", "2", "2/3", "3", "4", "5", "6"]);
export type LeikaType = z.infer<typeof LeikaType>;

/** German explanation of each LeiKa-Typ. */
export const leikaTypeLabel: Record<LeikaType, string> = {
  "1": "Typ 1 – Bund regelt und vollzieht",
  "2": "Typ 2 – Bund regelt, Land/Kommune vollzieht",
  "2/3": "Typ 2/3 – Bund regelt, Land/Kommune vollzieht",
  "3": "Typ 3 – Bund regelt, Land/Kommune vollzieht",
  "4": "Typ 4 – Land regelt, Land/Kommune vollzieht",
  "5": "Typ 5 – Kommune regelt und vollzieht",
  "6": "Typ 6 – in der Quelle ohne Erläuterung",
};

/** OZG-Themenfeld (14 in the 2019 catalogue). */
export const Themenfeld = z
  .object({ id: z.number().int(), name: z.string() })
  .meta({ id: "Themenfeld" });
export type Themenfeld = z.infer<typeof Themenfeld>;

/** Lebens- oder Unternehmenslage (55). */
export const Lebenslage = z.object({
  id: z.number().int(),
  name: z.string(),
  themenfeldId: z.number().int(),
});
export type Lebenslage = z.infer<typeof Lebenslage>;

/** A LeiKa-Leistung (5,249), linked to its OZG-Leistung. */
export const LeikaLeistung = z
  .object({
    id: z.number().int(),
    /** 14-digit LeiKa key, or null where the source says "nicht im LeiKa". */
    leikaKey: z.string().nullable(),
    name: z.string(),
    ozgId: z.number().int().nullable(),
    leikaTypes: z.array(LeikaType),
    leikaTypeText: z.string().nullable(),
    sdg1: z.boolean(),
    sdg2: z.boolean(),
    lawShortcuts: z.string().nullable(),
  })
  .meta({ id: "LeikaLeistung" });
export type LeikaLeistung = z.infer<typeof LeikaLeistung>;

/** An OZG-Leistung (557 in KDN's 2019 import) with its place in the catalogue. */
export const OzgLeistung = z
  .object({
    id: z.number().int(),
    name: z.string(),
    lebenslage: Lebenslage.pick({ id: true, name: true }),
    themenfeld: Themenfeld,
    leikaCount: z.number().int(),
    leikaTypes: z.array(LeikaType),
    sdgRelevantCount: z.number().int(),
  })
  .meta({ id: "OzgLeistung" });
export type OzgLeistung = z.infer<typeof OzgLeistung>;

/** OZG-Leistung with its LeiKa-Leistungen. */
export const OzgLeistungDetail = OzgLeistung.extend({ leistungen: z.array(LeikaLeistung) }).meta({
  id: "OzgLeistungDetail",
});
export type OzgLeistungDetail = z.infer<typeof OzgLeistungDetail>;

/** Splits the raw LeiKa-Typ text of the source ("1, 2/3") into known types, in order. */
export function parseLeikaTypes(raw: string): LeikaType[] {
  const types = raw
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter((part): part is LeikaType => LeikaType.safeParse(part).success);
  return [...new Set(types)];
}
