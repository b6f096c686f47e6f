import { can, reorganisationKindLabel } from "@it-atlas/domain";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import type { Schemas } from "../../api/client.ts";
import { formatInteger, formatIsoDate } from "../../ui/format.ts";
import { ErrorState, LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { AccessNotice } from "../auth/AccessNotice.tsx";
import { usePrincipal } from "../auth/usePrincipal.ts";
import { ErrorSummary } from "../sourcing/ErrorSummary.tsx";
import { RadioGroupField } from "../sourcing/RadioGroupField.tsx";
import { useActiveProviders } from "../sourcing/sourcingQueries.ts";
import { toFormProblem, type FormProblem } from "../sourcing/toFormProblem.ts";
import { todayInGermany } from "../sourcing/todayInGermany.ts";
import {
  KIND_LABEL,
  targetModeOf,
  toReorganisationRequest,
  type ReorganisationFormValues,
  type ReorganisationKind,
  type ReorganisationRequest,
} from "./reorganisationForm.ts";
import { ReorganisationFields } from "./ReorganisationFields.tsx";
import { ReorganisationPlanView } from "./ReorganisationPlanView.tsx";
import { useApplyReorganisation, usePreviewReorganisation } from "./reorganisationQueries.ts";
import "./reorganisations.css";

type Plan = Schemas["ReorganisationPlan"];

// Problems the server reports without a field, placed at the field they concern.
const FIELD_OF_CODE: Record<string, string> = {
  organisation_not_found: "organisationKey",
  source_not_active: "sourceProviderIds",
  target_not_active: "target.providerId",
  provider_not_found: "sourceProviderIds",
};

function withCodeField(problem: FormProblem): FormProblem {
  const field = problem.code ? FIELD_OF_CODE[problem.code] : undefined;
  if (!field || problem.errors.length > 0) return problem;
  // The message moves to the field (and the summary link); repeating it above would be noise.
  return { ...problem, detail: "", errors: [{ field, message: problem.detail }] };
}

function initialValues(source: string | null, kind: ReorganisationKind = "merger") {
  return {
    kind,
    sourceProviderIds: source ? [source] : [],
    targetMode: "existing",
    targetProviderId: "",
    newProviderId: "",
    newShortName: "",
    newName: "",
    organisationKey: "",
    effectiveDate: todayInGermany(),
    note: "",
  } satisfies ReorganisationFormValues;
}

/**
 * Records a merger, a renaming or a Kommune's move to another provider: the server first
 * shows what would move (preview), then applies exactly that in one transaction. Previewing
 * is for KDN-Analysts and Administrators, applying for Administrators only.
 */
export function ReorganisationPage() {
  usePageTitle("Fusion oder Umbenennung erfassen");
  const { principal, isPending: sessionPending } = usePrincipal();
  const mayPreview = can(principal, "reorganisation:preview");
  const mayApply = can(principal, "reorganisation:apply");
  const [searchParams] = useSearchParams();
  const prefix = useId();
  const providers = useActiveProviders();
  const [values, setValues] = useState<ReorganisationFormValues>(() =>
    initialValues(searchParams.get("quelle")),
  );
  const [previewed, setPreviewed] = useState<{ request: ReorganisationRequest; plan: Plan } | null>(
    null,
  );
  const [applied, setApplied] = useState<Plan | null>(null);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const preview = usePreviewReorganisation();
  const apply = useApplyReorganisation();
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => previewHeading.current?.focus(), [previewed]);
  useEffect(() => resultHeading.current?.focus(), [applied]);

  // Any change makes the preview stale: only what was previewed may be applied.
  const change = (next: Partial<ReorganisationFormValues>) => {
    setValues({ ...values, ...next });
    setPreviewed(null);
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const request = toReorganisationRequest(values);
    setApplied(null);
    preview.mutate(request, {
      onSuccess: (plan) => {
        setProblem(null);
        setPreviewed({ request, plan });
      },
      onError: (error) => {
        setPreviewed(null);
        setProblem(withCodeField(toFormProblem(error)));
      },
    });
  }

  function confirm() {
    if (!previewed) return;
    apply.mutate(previewed.request, {
      onSuccess: (plan) => {
        setProblem(null);
        setPreviewed(null);
        setApplied(plan);
        setValues(initialValues(null, values.kind));
      },
      onError: (error) => setProblem(withCodeField(toFormProblem(error))),
    });
  }

  const fieldId = (field: string) => {
    if (field === "sourceProviderIds" || field.startsWith("sourceProviderIds."))
      return `${prefix}-sources`;
    if (field === "target.providerId")
      return targetModeOf(values) === "new" ? `${prefix}-newProviderId` : `${prefix}-target`;
    if (field === "target.shortName") return `${prefix}-newShortName`;
    if (field === "target.name") return `${prefix}-newName`;
    if (["organisationKey", "effectiveDate", "note", "kind"].includes(field))
      return `${prefix}-${field}`;
    return undefined;
  };

  return (
    <>
      <p className="kern-body kern-body--small atlas-breadcrumb">
        <Link className="kern-link" to="/dienstleister">
          IT-Dienstleister
        </Link>{" "}
        › Fusion oder Umbenennung erfassen
      </p>
      <h1 className="kern-heading-large" tabIndex={-1}>
        Fusion, Umbenennung oder Wechsel erfassen
      </h1>
      <p className="kern-body">
        Alle Bezüge und Angebote, die zum Stichtag beim abgebenden Dienstleister liegen, gehen auf
        den aufnehmenden über; der bisherige Stand bleibt im Verlauf erhalten. Die Vorschau zeigt
        vorher jede betroffene Beziehung. Erst „Übernehmen“ schreibt – alles oder nichts.
      </p>

      {applied ? (
        <div className="kern-alert kern-alert--success">
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--success" aria-hidden="true" />
            <h2 ref={resultHeading} tabIndex={-1} className="kern-title atlas-result">
              Übernommen: {reorganisationKindLabel[applied.kind]} zum{" "}
              {formatIsoDate(applied.effectiveDate)}
            </h2>
          </div>
          <div className="kern-alert__body">
            <p className="kern-body">
              {formatInteger(applied.moves.length)} Beziehungen wurden auf{" "}
              {applied.target.shortName} übertragen.{" "}
              <Link className="kern-link" to={`/dienstleister/${applied.target.id}`}>
                Zum Dienstleister {applied.target.shortName}
              </Link>
            </p>
          </div>
        </div>
      ) : null}

      {sessionPending ? <LoadingState label="Anmeldung wird geprüft …" /> : null}
      {!sessionPending && !mayPreview ? (
        <AccessNotice principal={principal} who="KDN-Analysten und Administratoren" />
      ) : null}
      {!mayPreview ? null : providers.isPending ? (
        <LoadingState label="Dienstleister werden geladen …" />
      ) : null}
      {mayPreview && providers.isError ? (
        <ErrorState error={providers.error} onRetry={() => void providers.refetch()} />
      ) : null}
      {mayPreview && providers.data ? (
        <form className="atlas-reorganisation-form" noValidate onSubmit={submit}>
          {problem ? (
            <ErrorSummary
              title={
                // Sign-in, permission and input problems have their own headings; the rest
                // (unknown provider, inactive source, …) are about the change itself.
                [400, 401, 403].includes(problem.status ?? 0)
                  ? problem.title
                  : "Die Änderung ist so nicht möglich"
              }
              detail={problem.detail || undefined}
              errors={problem.errors}
              fieldId={fieldId}
              fieldLabel={(field) => FIELD_LABEL[field]}
            />
          ) : null}
          <RadioGroupField
            id={`${prefix}-kind`}
            name={`${prefix}-kind`}
            legend="Art der Änderung"
            value={values.kind}
            options={(Object.keys(KIND_LABEL) as ReorganisationKind[]).map((kind) => ({
              value: kind,
              label: KIND_LABEL[kind],
            }))}
            onChange={(kind) =>
              change({
                kind,
                sourceProviderIds:
                  kind === "merger"
                    ? values.sourceProviderIds
                    : values.sourceProviderIds.slice(0, 1),
              })
            }
          />
          <ReorganisationFields
            prefix={prefix}
            values={values}
            providers={providers.data}
            errors={problem?.errors ?? []}
            onChange={change}
          />
          <div className="atlas-form-actions">
            <button
              type="submit"
              className="kern-btn kern-btn--secondary"
              disabled={preview.isPending}
            >
              <span className="kern-label">
                {preview.isPending ? "Vorschau wird berechnet …" : "Vorschau"}
              </span>
            </button>
          </div>
        </form>
      ) : null}

      {previewed ? (
        <section aria-labelledby={`${prefix}-preview`} className="atlas-panel">
          <h2
            id={`${prefix}-preview`}
            ref={previewHeading}
            tabIndex={-1}
            className="kern-heading-medium atlas-preview"
          >
            Vorschau
          </h2>
          <ReorganisationPlanView plan={previewed.plan} />
          {mayApply ? null : (
            <p className="kern-body">
              Übernehmen dürfen nur Administratoren. Die Vorschau zeigt Ihnen, was sich ändern
              würde; zum Übernehmen wenden Sie sich bitte an die Administration.
            </p>
          )}
          <div className="atlas-form-actions">
            {mayApply ? (
              <button
                type="button"
                className="kern-btn kern-btn--primary"
                disabled={apply.isPending}
                onClick={confirm}
              >
                <span className="kern-label">
                  {apply.isPending ? "Wird übernommen …" : "Übernehmen"}
                </span>
              </button>
            ) : null}
            <button
              type="button"
              className="kern-btn kern-btn--tertiary"
              onClick={() => setPreviewed(null)}
            >
              <span className="kern-label">Vorschau verwerfen</span>
            </button>
          </div>
        </section>
      ) : null}
    </>
  );
}

/** German names of the request fields, for the error summary. */
const FIELD_LABEL: Record<string, string> = {
  kind: "Art der Änderung",
  sourceProviderIds: "Abgebende Dienstleister",
  "target.providerId": "Aufnehmender Dienstleister",
  "target.shortName": "Kurzname",
  "target.name": "Name",
  organisationKey: "Kommune (AGS)",
  effectiveDate: "Wirksam ab",
  note: "Bemerkung",
};
