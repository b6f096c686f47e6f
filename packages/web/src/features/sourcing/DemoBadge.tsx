/** Marks one synthetic entry; text, not colour alone, carries the meaning. */
export function DemoBadge({ small = false }: { small?: boolean }) {
  return (
    <span className={`kern-badge kern-badge--warning${small ? " kern-badge--small" : ""}`}>
      <span className="kern-label">Demodaten (synthetisch)</span>
    </span>
  );
}
