import type { APIRoute } from 'astro';
import { getCase } from '../../site/checked-case.ts';
import { caseBundle } from '../../lib/stix.ts';
import { stixOptions } from '../../site/exports.ts';

/** The whole published case as one STIX 2.1 bundle. */
export const GET: APIRoute = async (context) =>
  Response.json(await caseBundle(await getCase(), stixOptions(context.site)));
