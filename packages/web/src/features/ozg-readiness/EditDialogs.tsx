import type { Schemas } from "../../api/client.ts";
import { ModalDialog } from "../sourcing/ModalDialog.tsx";
import { useSaveAdoption, useSaveOnboarding } from "./ozgReadinessQueries.ts";
import { StatusEditForm } from "./StatusEditForm.tsx";

/** Dialog to change a Kommune's status of one OZG-Leistung. */
export function LeistungEditDialog({
  ags,
  leistung,
  onSaved,
  onClose,
}: {
  ags: string;
  leistung: Schemas["KommuneLeistung"];
  onSaved: (message: string) => void;
  onClose: () => void;
}) {
  const save = useSaveAdoption(ags, leistung.ozgId);
  return (
    <ModalDialog title={`Umsetzungsstand: ${leistung.name}`} onClose={onClose}>
      <StatusEditForm
        subject={leistung.name}
        record={leistung.record}
        currentStatus={leistung.status}
        serviceOptions={leistung.availableServices}
        serviceHint="Onlinedienste des Katalogs, die diese OZG-Leistung abdecken."
        save={save}
        onSaved={() => onSaved(`Gespeichert: ${leistung.name}`)}
        onCancel={onClose}
      />
    </ModalDialog>
  );
}

/** Dialog to change one item of a Kommune's onboarding checklist. */
export function ChecklistEditDialog({
  ags,
  item,
  solutions,
  onSaved,
  onClose,
}: {
  ags: string;
  item: Schemas["ChecklistItem"];
  solutions: Array<{ id: string; name: string }>;
  onSaved: (message: string) => void;
  onClose: () => void;
}) {
  const save = useSaveOnboarding(ags, item.component);
  return (
    <ModalDialog title={`Checkliste: ${item.label}`} onClose={onClose}>
      <StatusEditForm
        subject={item.label}
        record={item.record}
        currentStatus={item.status}
        serviceOptions={solutions}
        serviceHint="Zentrale oder regionale Lösung für diese Basiskomponente."
        save={save}
        onSaved={() => onSaved(`Gespeichert: ${item.label}`)}
        onCancel={onClose}
      />
    </ModalDialog>
  );
}
