/** Dependency checks and the deployment order of a recipe's components. */
import { internalError, invalidInput, wrapError } from '../errors.js';
import { compareStrings } from '../serialize.js';

interface Node {
  readonly name: string;
  readonly dependencyRefs?: readonly string[];
}

/**
 * Every dependency must name a component of the same recipe, and there must be no cycle.
 * The cycle message lists the chain, e.g. `[a b a]`.
 */
export function validateDependencies(components: readonly Node[]): void {
  const byName = new Map<string, Node>();
  for (const component of components) byName.set(component.name, component);
  for (const component of components) {
    for (const dependency of component.dependencyRefs ?? []) {
      if (!byName.has(dependency)) {
        throw invalidInput(`component "${component.name}" references unknown dependency "${dependency}"`, {
          hint: `add "${dependency}" to the recipe's componentRefs or remove it from ${component.name}'s dependencyRefs`,
          details: { component: component.name, dependency },
        });
      }
    }
  }
  const done = new Set<string>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const visit = (name: string): void => {
    stack.push(name);
    onStack.add(name);
    for (const dependency of byName.get(name)!.dependencyRefs ?? []) {
      if (onStack.has(dependency)) {
        const cycle = [...stack.slice(stack.indexOf(dependency)), dependency];
        throw wrapError(
          invalidInput(`circular dependency detected: [${cycle.join(' ')}]`, {
            hint: `remove one of the dependencyRefs along ${cycle.join(' -> ')}`,
            details: { cycle },
          }),
          'dependency validation failed',
        );
      }
      if (!done.has(dependency)) visit(dependency);
    }
    stack.pop();
    onStack.delete(name);
    done.add(name);
  };
  for (const component of components) if (!done.has(component.name)) visit(component.name);
}

/**
 * Kahn's algorithm taking the smallest ready name each step: the unique lexicographically
 * smallest topological order, so the same recipe always deploys in the same order.
 */
export function deploymentOrder(components: readonly Node[]): string[] {
  const inDegree = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const component of components) {
    inDegree.set(component.name, component.dependencyRefs?.length ?? 0);
    for (const dependency of component.dependencyRefs ?? []) {
      let list = dependents.get(dependency);
      if (!list) dependents.set(dependency, (list = []));
      list.push(component.name);
    }
  }
  const ready: string[] = [];
  for (const [name, degree] of inDegree) if (degree === 0) ready.push(name);
  ready.sort(compareStrings);
  const order: string[] = [];
  while (ready.length > 0) {
    const name = ready.shift()!;
    order.push(name);
    for (const dependent of dependents.get(name) ?? []) {
      const degree = inDegree.get(dependent)! - 1;
      inDegree.set(dependent, degree);
      if (degree === 0) insertSorted(ready, dependent);
    }
  }
  if (order.length !== inDegree.size) {
    throw wrapError(internalError('cannot determine deployment order: circular dependencies exist'), 'failed to compute deployment order');
  }
  return order;
}

function insertSorted(list: string[], value: string): void {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareStrings(list[mid]!, value) < 0) low = mid + 1;
    else high = mid;
  }
  list.splice(low, 0, value);
}
