import { SaxesParser } from "saxes";
import { ARCHIMATE_NAMESPACE } from "./archimateExport.ts";

const XSI = "http://www.w3.org/2001/XMLSchema-instance";

/** Element types of ArchiMate 3.1 this export uses, and the relationship types. */
const ELEMENT_TYPES = new Set(["BusinessActor", "ApplicationService", "ApplicationComponent"]);
const RELATIONSHIP_TYPES = new Set(["Serving", "Realization", "Association"]);
const PROPERTY_TYPES = new Set(["string", "boolean", "currency", "date", "time", "number"]);
/** Order of the children of <model> in archimate3_Model.xsd (ModelType). */
const MODEL_ORDER = [
  "name",
  "documentation",
  "metadata",
  "elements",
  "relationships",
  "organizations",
  "propertyDefinitions",
  "views",
];
/** xs:ID is an NCName: no colon, starts with a letter or underscore. */
const NCNAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;

interface Node {
  name: string;
  attributes: Record<string, string>;
  children: Node[];
  text: string;
}

/**
 * Checks an ArchiMate exchange file against the rules of the Open Group schema that matter
 * for tools to open it, without the XSD itself (the Open Group does not license it for
 * redistribution): well-formed XML, root <model> in the 3.x namespace, the child order of
 * ModelType, unique identifiers that are valid xs:ID, names on every element, known element,
 * relationship and property types, and references (source, target, propertyDefinitionRef,
 * identifierRef) that resolve. Returns the list of violations (empty when valid).
 */
export function validateArchimate(xml: string): string[] {
  const problems: string[] = [];
  const stack: Node[] = [];
  let root: Node | undefined;
  const parser = new SaxesParser({ xmlns: true });
  parser.on("error", (error) => {
    problems.push(`XML nicht wohlgeformt: ${error.message}`);
  });
  parser.on("opentag", (tag) => {
    const attributes: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes)) {
      const key =
        attribute.uri === XSI
          ? `xsi:${attribute.local}`
          : attribute.uri
            ? `${attribute.prefix}:${attribute.local}`
            : attribute.local;
      attributes[key] = attribute.value;
    }
    if (tag.uri !== ARCHIMATE_NAMESPACE)
      problems.push(`<${tag.name}> ist nicht im ArchiMate-Namensraum`);
    const node: Node = { name: tag.local, attributes, children: [], text: "" };
    stack.at(-1)?.children.push(node);
    if (!root) root = node;
    stack.push(node);
  });
  parser.on("text", (text) => {
    const top = stack.at(-1);
    if (top) top.text += text;
  });
  parser.on("closetag", () => void stack.pop());
  parser.write(xml).close();
  if (!root) return [...problems, "kein Wurzelelement"];
  if (root.name !== "model") problems.push(`Wurzel ist <${root.name}>, nicht <model>`);

  let position = -1;
  for (const child of root.children) {
    const index = MODEL_ORDER.indexOf(child.name);
    if (index < 0) problems.push(`unbekanntes Kind <${child.name}> von <model>`);
    else if (index < position) problems.push(`<${child.name}> steht an falscher Stelle`);
    position = Math.max(position, index);
  }
  if (root.children[0]?.name !== "name") problems.push("<model> beginnt nicht mit <name>");

  const identifiers = new Map<string, string>();
  const register = (node: Node) => {
    const id = node.attributes.identifier;
    if (!id) return problems.push(`<${node.name}> ohne identifier`);
    if (!NCNAME.test(id)) problems.push(`identifier „${id}“ ist kein xs:ID`);
    if (identifiers.has(id)) problems.push(`identifier „${id}“ doppelt`);
    identifiers.set(id, node.name);
  };
  register(root);
  const section = (name: string) =>
    root?.children.find((child) => child.name === name)?.children ?? [];
  const definitions = section("propertyDefinitions");
  for (const definition of definitions) {
    register(definition);
    if (!PROPERTY_TYPES.has(definition.attributes.type ?? ""))
      problems.push(`Eigenschaftstyp „${definition.attributes.type}“ unbekannt`);
  }
  const checkConcept = (node: Node, types: Set<string>, nameRequired: boolean) => {
    register(node);
    const type = node.attributes["xsi:type"] ?? "";
    if (!types.has(type)) problems.push(`${node.attributes.identifier}: Typ „${type}“ unbekannt`);
    const names = node.children.filter((child) => child.name === "name");
    if (nameRequired && (names.length === 0 || names.some((name) => name.text.trim() === ""))) {
      problems.push(`${node.attributes.identifier}: <name> fehlt oder ist leer`);
    }
    const order = ["name", "documentation", "properties"];
    let last = -1;
    for (const child of node.children) {
      const index = order.indexOf(child.name);
      if (index < 0 || index < last)
        problems.push(
          `${node.attributes.identifier}: <${child.name}> unzulässig oder falsch angeordnet`,
        );
      last = Math.max(last, index);
      if (child.name === "properties") {
        for (const property of child.children) {
          const ref = property.attributes.propertyDefinitionRef ?? "";
          if (!definitions.some((definition) => definition.attributes.identifier === ref)) {
            problems.push(`${node.attributes.identifier}: Eigenschaft „${ref}“ nicht definiert`);
          }
        }
      }
    }
  };
  for (const element of section("elements")) checkConcept(element, ELEMENT_TYPES, true);
  for (const relationship of section("relationships")) {
    checkConcept(relationship, RELATIONSHIP_TYPES, false);
    for (const end of ["source", "target"]) {
      const ref = relationship.attributes[end] ?? "";
      if (identifiers.get(ref) !== "element")
        problems.push(`${relationship.attributes.identifier}: ${end} „${ref}“ ist kein Element`);
    }
  }
  const walk = (item: Node) => {
    for (const child of item.children) {
      if (child.name !== "item" && child.name !== "label")
        problems.push(`<${child.name}> in <organizations> unzulässig`);
      if (child.name !== "item") continue;
      const ref = child.attributes.identifierRef;
      if (ref !== undefined && !identifiers.has(ref))
        problems.push(`identifierRef „${ref}“ unbekannt`);
      walk(child);
    }
  };
  for (const organizations of root.children.filter((child) => child.name === "organizations"))
    walk(organizations);
  return problems;
}
