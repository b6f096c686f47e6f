/** Prints a benchmark result as a Markdown table (readable on the console and in notes). */
export function printTable(title: string, headers: string[], rows: string[][]): void {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  process.stdout.write(`\n${title}\n\n`);
  process.stdout.write(`${line(headers)}\n`);
  process.stdout.write(`| ${widths.map((width) => "-".repeat(width)).join(" | ")} |\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
}
