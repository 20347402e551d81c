import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { isEntityType, type CollectionKey } from '../lib/schema/entity-types.ts';

/**
 * The one-line doc comment of every field of a collection's schema, read from the schema files
 * themselves (src/lib/schema/), so a scaffolded entry explains each field in the words its schema
 * gives it and no second list can drift from the first.
 */

const schemaFolder = path.resolve(import.meta.dirname, '../lib/schema');

/**
 * Doc comments of the properties of the outermost object literals inside the named function (or,
 * without a name, inside each exported `…Schema` function): the schema's own fields, not those of
 * objects nested in them.
 */
function fieldDocs(file: string, functionName?: string): Map<string, string> {
  const text = readFileSync(path.join(schemaFolder, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const docs = new Map<string, string>();
  const visit = (node: ts.Node, inObject: boolean) => {
    if (ts.isObjectLiteralExpression(node)) {
      if (!inObject) {
        for (const property of node.properties) {
          if (
            !ts.isPropertyAssignment(property) ||
            !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))
          )
            continue;
          const doc = ts
            .getJSDocCommentsAndTags(property)
            .filter(ts.isJSDoc)
            .map((jsDoc) => ts.getTextOfJSDocComment(jsDoc.comment) ?? '')
            .join(' ')
            .trim();
          if (doc && !docs.has(property.name.text)) docs.set(property.name.text, doc.replace(/\s+/g, ' '));
        }
      }
      ts.forEachChild(node, (child) => visit(child, true));
      return;
    }
    ts.forEachChild(node, (child) => visit(child, inObject));
  };
  for (const statement of source.statements) {
    if (!ts.isFunctionDeclaration(statement) || !statement.name) continue;
    const name = statement.name.text;
    if (functionName ? name === functionName : name.endsWith('Schema')) visit(statement, false);
  }
  return docs;
}

/** The doc comment of each field of a collection, by field name: its own fields, then the shared entity fields. */
export function schemaDocs(collection: CollectionKey): Map<string, string> {
  // Each collection's schema lives in the file named after it (src/lib/schema/people.ts).
  const own = fieldDocs(`${collection}.ts`);
  if (!isEntityType(collection)) return own;
  const shared = fieldDocs('base.ts', 'entityBase');
  return new Map([...shared, ...own]);
}
