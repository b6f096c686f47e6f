/** Minimal shape needed to follow successor links. */
export interface LineageNode {
  id: string;
  successorId: string | null;
}

/**
 * Follows successor links to the provider that carries a relation today
 * (krz → owl-it). Stops at cycles, which the data must not have but a user edit could create.
 */
export function currentSuccessorId(id: string, nodes: ReadonlyMap<string, LineageNode>): string {
  const seen = new Set<string>();
  let current = id;
  for (;;) {
    seen.add(current);
    const next = nodes.get(current)?.successorId;
    if (!next || seen.has(next)) return current;
    current = next;
  }
}

/** The chain of successors after `id`, in order, without cycles. */
export function successorChain(id: string, nodes: ReadonlyMap<string, LineageNode>): string[] {
  const chain: string[] = [];
  const seen = new Set<string>([id]);
  let next = nodes.get(id)?.successorId;
  while (next && !seen.has(next)) {
    chain.push(next);
    seen.add(next);
    next = nodes.get(next)?.successorId;
  }
  return chain;
}

/** All providers whose successor chain passes through `id` (direct and indirect predecessors). */
export function predecessorIds(id: string, nodes: ReadonlyMap<string, LineageNode>): string[] {
  const result: string[] = [];
  for (const node of nodes.values()) {
    if (node.id !== id && successorChain(node.id, nodes).includes(id)) result.push(node.id);
  }
  return result.sort();
}
