import type { APIRoute } from 'astro';
import { getCase } from '../../site/checked-case.ts';
import { evidenceCsv } from '../../lib/evidence-csv.ts';

/** The case's evidence as CSV: one row per relationship and cited source (src/lib/evidence-csv.ts). */
export const GET: APIRoute = async () =>
  new Response(evidenceCsv(await getCase()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
