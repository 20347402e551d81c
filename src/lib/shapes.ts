import type { NodeShape } from './schema/entity-types.ts';

/**
 * Marker shapes as SVG path data centred on (0, 0). The same strings draw SVG markers, canvas nodes
 * (through Path2D) and map markers, so a type looks the same everywhere.
 */

/** Rounds to two decimals so paths stay short and identical between builds. */
function r2(n: number): string {
  return (Math.round(n * 100) / 100).toString();
}

/** A closed polygon through the given points. */
function polygon(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${r2(x)},${r2(y)}`).join('') + 'Z';
}

/** Regular polygon with `sides` corners, the first at the top. */
function regular(sides: number, radius: number): [number, number][] {
  return Array.from({ length: sides }, (_, i) => {
    const angle = -Math.PI / 2 + (i * 2 * Math.PI) / sides;
    return [radius * Math.cos(angle), radius * Math.sin(angle)];
  });
}

/** A five-pointed star. */
function star(radius: number): [number, number][] {
  return Array.from({ length: 10 }, (_, i) => {
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 === 0 ? radius * 1.25 : radius * 0.55;
    return [rr * Math.cos(angle), rr * Math.sin(angle)];
  });
}

/**
 * The corners of a shape of roughly the given radius, centred on (0, 0), or `undefined` for the
 * circle. Canvas drawing uses these directly; SVG and the map use {@link shapePath}.
 */
export function shapeVertices(shape: NodeShape, radius: number): [number, number][] | undefined {
  switch (shape) {
    case 'circle':
      return undefined;
    case 'square': {
      const s = radius * 0.88;
      return [
        [-s, -s],
        [s, -s],
        [s, s],
        [-s, s],
      ];
    }
    case 'diamond':
      return regular(4, radius * 1.2);
    case 'triangle':
      return [
        [0, -radius * 1.2],
        [radius * 1.1, radius * 0.8],
        [-radius * 1.1, radius * 0.8],
      ];
    case 'hexagon':
      return regular(6, radius * 1.05);
    case 'star':
      return star(radius);
  }
}

/** SVG path data for a shape of roughly the given radius, with equal visual weight across shapes. */
export function shapePath(shape: NodeShape, radius: number): string {
  const corners = shapeVertices(shape, radius);
  if (corners) return polygon(corners);
  return `M${r2(radius)},0A${r2(radius)},${r2(radius)} 0 1,1 ${r2(-radius)},0A${r2(radius)},${r2(radius)} 0 1,1 ${r2(radius)},0Z`;
}
