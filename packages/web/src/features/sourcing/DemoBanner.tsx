import type { ReactNode } from "react";

/** Warns that shown values are synthetic; rows carry the same words as a badge. */
export function DemoBanner({
  children = "Einige oder alle Angaben sind synthetisch erzeugt und keine Tatsachen – sie dienen nur der Erprobung des Atlas. Betroffene Einträge sind mit „Demodaten (synthetisch)“ gekennzeichnet.",
}: {
  children?: ReactNode;
}) {
  return (
    <div className="kern-alert kern-alert--warning atlas-demo-banner">
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--warning" aria-hidden="true" />
        <span className="kern-title">Demodaten (synthetisch)</span>
      </div>
      <div className="kern-alert__body">
        <p className="kern-body">{children}</p>
      </div>
    </div>
  );
}
