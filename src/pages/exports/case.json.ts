import type { APIRoute } from 'astro';
import { getCase } from '../../site/checked-case.ts';
import { caseRecord } from '../../lib/export-json.ts';

/** The whole published case as JSON. */
export const GET: APIRoute = async () => Response.json(caseRecord(await getCase()));
