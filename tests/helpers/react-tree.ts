/**
 * Looking into what a server component returned, without rendering it: its own elements are
 * plain objects; components it uses (client ones included) appear as elements, not rendered.
 */
import { isValidElement, type ReactNode } from 'react';

type Element = { type: unknown; props: Record<string, unknown> };

function elements(node: ReactNode): Element[] {
  if (Array.isArray(node)) return node.flatMap(elements);
  if (!isValidElement(node)) return [];
  const element = node as unknown as Element;
  return [element, ...elements(element.props.children as ReactNode)];
}

/** The first element of a type (a component function or a tag name) or with a data-testid. */
export function findElement(tree: ReactNode, match: { type?: unknown; testId?: string }): Element | null {
  return (
    elements(tree).find(
      (e) => (match.type === undefined || e.type === match.type) && (match.testId === undefined || e.props['data-testid'] === match.testId),
    ) ?? null
  );
}

/** The text an element's own markup holds (text inside components it uses is not rendered here). */
export function textOf(node: unknown): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (!isValidElement(node)) return '';
  return textOf((node.props as { children?: unknown }).children);
}
