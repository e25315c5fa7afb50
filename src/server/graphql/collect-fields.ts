import {
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  getDirectiveValues,
  Kind,
  type SelectionSetNode,
} from "graphql";

type Fragments = Readonly<Record<string, FragmentDefinitionNode>>;

/**
 * The fields selected under `parents` (one field, or the nodes GraphQL merged into it), fragments
 * expanded, keyed by response key (alias or name) or by name. As GraphQL executes them: a fragment
 * spread once per selection set, @skip and @include applied when `variables` are given; without
 * them, a field that may be skipped counts as selected.
 */
export function collectFields(
  parents: readonly { selectionSet?: SelectionSetNode | undefined }[],
  fragments: Fragments,
  options: { variables?: Record<string, unknown>; key?: "response" | "name" } = {},
): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  const included = (node: Parameters<typeof getDirectiveValues>[1]) => {
    if (!options.variables) return true;
    if (getDirectiveValues(GraphQLSkipDirective, node, options.variables)?.if === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, node, options.variables)?.if !== false;
  };
  const visit = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = options.key === "name" ? selection.name.value : (selection.alias?.value ?? selection.name.value);
        fields.set(key, [...(fields.get(key) ?? []), selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        visit(fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  for (const parent of parents) visit(parent.selectionSet);
  return fields;
}
