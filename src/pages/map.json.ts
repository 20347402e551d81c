import type { APIRoute } from 'astro';
import { getMapPlaces } from '../site/map.ts';
import { mapDataSchema, toMapData } from '../lib/map-data.ts';

/** Every located place with what is there; its shape is documented in src/lib/map-data.ts. */
export const GET: APIRoute = async () => {
  const data = mapDataSchema.parse(toMapData(await getMapPlaces()));
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
