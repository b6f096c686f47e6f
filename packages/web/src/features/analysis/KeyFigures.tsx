import type { ReactNode } from "react";

/** Key figures as a description list (term above its value). */
export function KeyFigures({ items }: { items: Array<{ label: string; value: ReactNode }> }) {
  return (
    <dl className="atlas-key-figures">
      {items.map((item) => (
        <div key={item.label} className="atlas-key-figures__item">
          <dt className="kern-body kern-body--small">{item.label}</dt>
          <dd className="kern-heading-medium">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
