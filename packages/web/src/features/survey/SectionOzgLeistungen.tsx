import { adoptionStatusLabel, type AdoptionStatus } from "@it-atlas/domain";

/**
 * The OZG-Leistungen a section's needs are about: those the Kommune is responsible for in this
 * Leistungsbereich (by its type and the LeiKa-Typ, see the responsibility rule), with their
 * current status. Read-only context for answering; collapsed, because lists can be long.
 */
export function SectionOzgLeistungen({
  sectionName,
  items,
}: {
  sectionName: string;
  items: ReadonlyArray<{ ozgId: number; name: string; status: AdoptionStatus }>;
}) {
  if (items.length === 0) return null;
  const online = items.filter((item) => item.status === "online").length;
  return (
    <details className="atlas-survey-ozg">
      <summary className="kern-body">
        {items.length} zuständige OZG-Leistung{items.length === 1 ? "" : "en"} im Bereich{" "}
        {sectionName}, davon {online} online
      </summary>
      <ul className="kern-list kern-body--small">
        {items.map((item) => (
          <li key={item.ozgId}>
            {item.name} – {adoptionStatusLabel[item.status]}
          </li>
        ))}
      </ul>
    </details>
  );
}
