/**
 * A tagged template that builds parameterised SQL: values become `$n` placeholders and are
 * never spliced into the text. Fragments compose; `raw` is only for trusted constant text.
 */
export class SqlFragment {
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly unknown[],
  ) {}

  /** Renders the fragment to text with `$1…$n` placeholders and its values. */
  toQuery(): { text: string; values: unknown[] } {
    const values: unknown[] = [];
    const text = this.render(values);
    return { text, values };
  }

  private render(values: unknown[]): string {
    let text = this.strings[0] ?? "";
    this.values.forEach((value, index) => {
      if (value instanceof SqlFragment) {
        text += value.render(values);
      } else if (value instanceof RawSql) {
        text += value.text;
      } else {
        values.push(value);
        text += `$${values.length}`;
      }
      text += this.strings[index + 1] ?? "";
    });
    return text;
  }
}

/** Trusted SQL text (identifiers or keywords chosen by code, never by input). */
export class RawSql {
  constructor(readonly text: string) {}
}

/** Builds a parameterised SQL fragment. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): SqlFragment {
  return new SqlFragment(strings, values);
}

/** Inserts trusted constant SQL text, e.g. a sort column picked from an allow-list. */
export function raw(text: string): RawSql {
  return new RawSql(text);
}

/** Joins fragments with a separator (default `, `). */
export function join(fragments: readonly SqlFragment[], separator = ", "): SqlFragment {
  if (fragments.length === 0) return sql``;
  const strings = ["", ...fragments.slice(1).map(() => separator), ""];
  return new SqlFragment(strings, fragments);
}

/** `WHERE a AND b …`, or nothing when there are no conditions. */
export function whereAll(conditions: readonly SqlFragment[]): SqlFragment {
  return conditions.length === 0 ? sql`` : sql`WHERE ${join(conditions, " AND ")}`;
}
