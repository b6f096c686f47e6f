import { useNavigate } from "react-router";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { useCreateMeasure } from "./changeQueries.ts";
import { MeasureForm } from "./MeasureForm.tsx";
import { EMPTY_MEASURE_FORM } from "./measureFormValues.ts";
import "./change.css";

/** Form for a new measure; opens it after saving. */
export function MeasureNewPage() {
  usePageTitle("Neue Maßnahme");
  const create = useCreateMeasure();
  const navigate = useNavigate();
  return (
    <>
      <h1 className="kern-heading-large" tabIndex={-1}>
        Neue Maßnahme
      </h1>
      <MeasureForm
        initial={EMPTY_MEASURE_FORM}
        submitLabel="Maßnahme anlegen"
        busy={create.isPending}
        error={create.error}
        onCancel={() => void navigate("/massnahmen")}
        onSubmit={(body) =>
          create.mutate(body, {
            onSuccess: (measure) => void navigate(`/massnahmen/${measure.id}`),
          })
        }
      />
    </>
  );
}
