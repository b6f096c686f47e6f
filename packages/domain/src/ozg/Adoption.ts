import { z } from "zod";
import { ResponsibleType } from "../landscape/ServiceDomain.ts";
import { OrganisationKind } from "../organisation/Organisation.ts";
import { Provenance } from "../provenance/Provenance.ts";
import { AdoptionStatus, BaseComponent, ReadinessStatus } from "./AdoptionStatus.ts";
import { CoverageCounts, PeerComparison, ReadinessCounts } from "./coverage.ts";
import { LeikaType } from "./Ozg.ts";
import { ResponsibilityReason } from "./responsibility.ts";
import { IsoDate } from "../dates/IsoDate.ts";

/** Quality levels a person may give a record (demo is reserved for generated data). */
export const RecordedQuality = z.enum(["self_reported", "provider_confirmed", "sourced", "user"]);
export type RecordedQuality = z.infer<typeof RecordedQuality>;

const OnlineServiceRef = z.object({ id: z.string(), name: z.string() });

/** Who said it and when: the source and date of an adoption or onboarding record. */
const RecordInformation = {
  onlineService: OnlineServiceRef.nullable(),
  plannedDate: z.string().nullable(),
  /** Where the information comes from, e.g. "Selbstauskunft der Kommune", an import file. */
  informationSource: z.string().nullable(),
  /** The date the information is as of. */
  informationDate: z.string().nullable(),
  note: z.string().nullable(),
  demo: z.boolean(),
  provenance: Provenance,
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
};

/** What a Kommune recorded for one OZG-Leistung. */
export const Adoption = z
  .object({
    organisationKey: z.string(),
    ozgId: z.number().int(),
    status: AdoptionStatus,
    ...RecordInformation,
  })
  .meta({ id: "Adoption" });
export type Adoption = z.infer<typeof Adoption>;

/** One item of a Kommune's onboarding checklist for the central base components. */
export const Onboarding = z
  .object({
    organisationKey: z.string(),
    component: BaseComponent,
    status: AdoptionStatus,
    ...RecordInformation,
  })
  .meta({ id: "Onboarding" });
export type Onboarding = z.infer<typeof Onboarding>;

const recordInputShape = {
  status: AdoptionStatus,
  onlineServiceId: z.string().min(1).nullable().default(null),
  plannedDate: IsoDate.nullable().default(null),
  informationSource: z.string().trim().max(300).nullable().default(null),
  informationDate: IsoDate,
  note: z.string().max(1000).nullable().default(null),
  quality: RecordedQuality.optional(),
};

function checkPlannedDate(
  input: { status: AdoptionStatus; plannedDate: string | null },
  context: z.RefinementCtx,
) {
  if (input.plannedDate !== null && input.status !== "geplant" && input.status !== "in_anbindung") {
    context.addIssue({
      code: "custom",
      path: ["plannedDate"],
      message: "Ein geplantes Datum passt nur zu „geplant“ oder „in Anbindung“.",
    });
  }
}

/** What a user enters to record a Kommune's status for one OZG-Leistung. */
export const AdoptionInput = z
  .object(recordInputShape)
  .superRefine((input, context) => {
    checkPlannedDate(input, context);
    if (input.status === "nicht_zustaendig" && input.onlineServiceId !== null) {
      context.addIssue({
        code: "custom",
        path: ["onlineServiceId"],
        message: "Bei „nicht zuständig“ gibt es keinen Onlinedienst.",
      });
    }
  })
  .meta({ id: "AdoptionChange" });
export type AdoptionInput = z.infer<typeof AdoptionInput>;

/** What a user enters for one item of the onboarding checklist. */
export const OnboardingInput = z
  .object(recordInputShape)
  .superRefine(checkPlannedDate)
  .meta({ id: "OnboardingChange" });
export type OnboardingInput = z.infer<typeof OnboardingInput>;

/** The Kommune an OZG view is about. */
export const OzgKommune = z
  .object({
    key: z.string(),
    name: z.string(),
    kind: OrganisationKind,
    type: ResponsibleType,
    kreisKey: z.string().nullable(),
    kreisName: z.string().nullable(),
    regierungsbezirkKey: z.string().nullable(),
    regierungsbezirkName: z.string().nullable(),
  })
  .meta({ id: "OzgKommune" });
export type OzgKommune = z.infer<typeof OzgKommune>;

/** One OZG-Leistung in a Kommune's view: responsibility and status. */
export const KommuneLeistung = z
  .object({
    ozgId: z.number().int(),
    name: z.string(),
    themenfeld: z.string(),
    leikaTypes: z.array(LeikaType),
    responsible: z.boolean(),
    reason: ResponsibilityReason,
    status: AdoptionStatus,
    /** Online services of the catalogue that cover this Leistung. */
    availableServices: z.array(OnlineServiceRef),
    record: Adoption.nullable(),
  })
  .meta({ id: "KommuneLeistung" });
export type KommuneLeistung = z.infer<typeof KommuneLeistung>;

/** One item of the checklist with its label (status `offen` when nothing was recorded). */
export const ChecklistItem = z
  .object({
    component: BaseComponent,
    label: z.string(),
    status: AdoptionStatus,
    record: Onboarding.nullable(),
  })
  .meta({ id: "ChecklistItem" });
export type ChecklistItem = z.infer<typeof ChecklistItem>;

/** A Kommune's OZG picture: coverage against its peers, its Leistungen and its checklist. */
export const KommuneOzgView = z
  .object({
    kommune: OzgKommune,
    coverage: CoverageCounts,
    peerClass: ResponsibleType,
    peers: PeerComparison,
    leistungen: z.array(KommuneLeistung),
    checklist: z.array(ChecklistItem),
  })
  .meta({ id: "KommuneOzgView" });
export type KommuneOzgView = z.infer<typeof KommuneOzgView>;

/** A Kommune on the readiness board. */
export const ReadinessRow = z
  .object({
    kommune: OzgKommune,
    coverage: CoverageCounts,
    peerMedian: z.number().nullable(),
    /** Status for the selected service (when one is selected). */
    serviceStatus: ReadinessStatus.nullable(),
    /** Date and source of the Kommune's record for the selected service, when there is one. */
    serviceInformationDate: z.string().nullable(),
    serviceDemo: z.boolean(),
  })
  .meta({ id: "ReadinessRow" });
export type ReadinessRow = z.infer<typeof ReadinessRow>;

/** Coverage summed over a Kreis (with its Gemeinden) or a Regierungsbezirk. */
export const ReadinessRegion = z
  .object({
    key: z.string(),
    name: z.string(),
    level: z.enum(["kreis", "regierungsbezirk"]),
    kommunen: z.number().int(),
    coverage: CoverageCounts,
    serviceCounts: ReadinessCounts.nullable(),
  })
  .meta({ id: "ReadinessRegion" });
export type ReadinessRegion = z.infer<typeof ReadinessRegion>;

/** Readiness of one central or EfA service: Kommunen per status. */
export const ServiceReadiness = z
  .object({
    service: z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(["onlinedienst", "basiskomponente"]),
      component: BaseComponent.nullable(),
      efa: z.boolean(),
      operatorName: z.string(),
      demo: z.boolean(),
    }),
    counts: ReadinessCounts,
  })
  .meta({ id: "ServiceReadiness" });
export type ServiceReadiness = z.infer<typeof ServiceReadiness>;
