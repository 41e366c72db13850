import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { XmlDocument, XmlValidateError, XsdValidator } from 'libxml2-wasm';
import { xmlRegisterFsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs';

/**
 * Validation of every XML part of a package against the ECMA-376 transitional schemas, the
 * standard's own files, copied into `test/schemas`. A part that does not validate is what
 * PowerPoint offers to "repair".
 */

// The schemas import each other by relative file name.
xmlRegisterFsInputProviders();

const SCHEMAS = fileURLToPath(new URL('../schemas/', import.meta.url));

/** The schema for each root element's namespace. */
const SCHEMA_OF: Record<string, string> = {
  'http://schemas.openxmlformats.org/presentationml/2006/main': 'transitional/pml.xsd',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'transitional/dml-main.xsd',
  'http://schemas.openxmlformats.org/drawingml/2006/chart': 'transitional/dml-chart.xsd',
  'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties': 'transitional/shared-documentPropertiesExtended.xsd',
  'http://schemas.openxmlformats.org/package/2006/content-types': 'opc/opc-contentTypes.xsd',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'opc/opc-relationships.xsd',
};

/**
 * The core properties schema imports Dublin Core from the web, which a test never fetches; its
 * own elements are checked, and the Dublin Core ones are taken as they are.
 */
const UNCHECKED_ROOTS = new Set(['http://schemas.openxmlformats.org/package/2006/metadata/core-properties']);

const validators = new Map<string, XsdValidator>();
function validatorFor(schema: string): XsdValidator {
  let validator = validators.get(schema);
  if (!validator) {
    const path = `${SCHEMAS}${schema}`;
    const doc = XmlDocument.fromBuffer(readFileSync(path), { url: path });
    validator = XsdValidator.fromDoc(doc);
    doc.dispose();
    validators.set(schema, validator);
  }
  return validator;
}

/** Namespaces the standard defines; Office ignores the rest (its extensions) and so does validation. */
const STANDARD = `starts-with(namespace-uri(), 'http://schemas.openxmlformats.org/') and namespace-uri() != 'http://schemas.openxmlformats.org/markup-compatibility/2006' or starts-with(namespace-uri(), 'http://purl.org/dc/') or namespace-uri() = 'http://www.w3.org/XML/1998/namespace' or namespace-uri() = 'http://www.w3.org/2001/XMLSchema-instance'`;
/** Extensions inside `<a:ext>` and `<p:ext>` are allowed by the schema itself (lax `any`). */
const FOREIGN_ELEMENTS = `//*[not(${STANDARD}) and not(parent::*[local-name() = 'ext'])]`;
const FOREIGN_ATTRIBUTES = `//@*[namespace-uri() != '' and not(${STANDARD})]`;

/**
 * PowerPoint writes and reads bullet sizes in thousandths of a percent, while the 2016 schemas
 * spell them as `100%`: the one pattern error the standard's own note tolerates.
 */
function tolerated(message: string): boolean {
  return /'\{http:\/\/schemas\.openxmlformats\.org\/drawingml\/2006\/main\}buSzPct', attribute 'val'/.test(message);
}

/** Schema violations of one XML part, each as "line: message". */
export function partViolations(xml: string): string[] {
  const doc = XmlDocument.fromString(xml);
  try {
    const namespace = doc.root.namespaceUri;
    if (UNCHECKED_ROOTS.has(namespace)) return [];
    const schema = SCHEMA_OF[namespace];
    if (!schema) return [`no schema for the root element <${doc.root.name}> in namespace "${namespace}"`];
    for (const node of [...doc.find(FOREIGN_ELEMENTS), ...doc.find(FOREIGN_ATTRIBUTES)]) node.remove();
    try {
      validatorFor(schema).validate(doc);
      return [];
    } catch (error) {
      if (!(error instanceof XmlValidateError)) throw error;
      return error.details.filter((detail) => !tolerated(detail.message)).map((detail) => `${detail.line}: ${detail.message.trim()}`);
    }
  } finally {
    doc.dispose();
  }
}

/** Every schema violation in a package's XML parts, each prefixed with its part's name. */
export function schemaViolations(parts: ReadonlyMap<string, string>): string[] {
  return [...parts]
    .filter(([name]) => /\.(xml|rels)$/.test(name))
    .flatMap(([name, xml]) => partViolations(xml).map((violation) => `${name}:${violation}`));
}
