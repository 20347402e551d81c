import type { CaseModel, Relation, Report } from './case.ts';
import { didYouMean } from './did-you-mean.ts';
import { relationAnchor, relationEvidence, type RelationEvidence } from './evidence.ts';
import { entryPath } from './paths.ts';
import type { CaseProblem } from './problems.ts';
import { RELATIONS, type RelationKey } from './schema/relations.ts';
import type { FrontPage } from './schema/front-page.ts';
import { sourceIdsOf } from './citations.ts';

/**
 * The front page as the content declares it (`front_page:` in one report, see
 * src/lib/schema/front-page.ts): its findings resolved to the case's relationships, and the checks
 * that refuse a finding pointing at no relationship, as every reference is refused.
 */

/** The declaration and the report that carries it. */
export interface FrontPageSource {
  /** The report whose frontmatter declares the front page. */
  report: Report;
  /** The declaration. */
  declaration: FrontPage;
}

/** A key finding, resolved. */
export interface Finding {
  /** The sentence the front page states. */
  text: string;
  /** The relationship that carries it. */
  relation: Relation;
  /** Its evidence record. */
  evidence: RelationEvidence;
  /** Site path of the evidence: the relationship's row on the declaring end's dossier (without base). */
  path: string;
}

/** The report that declares the front page, the first in report order if several do. */
export function frontPageOf(model: CaseModel): FrontPageSource | undefined {
  for (const report of model.reports) {
    if (report.data.front_page) return { report, declaration: report.data.front_page };
  }
  return undefined;
}

/** The key a relationship with these ends and relation has (see `Relation.key`). */
function relationKey(from: string, rel: RelationKey, to: string): string {
  return 'symmetric' in RELATIONS[rel] ? [from, to].sort().join(`>${rel}>`) : `${from}>${rel}>${to}`;
}

/** The relationship a finding names, if the case has it. */
function findRelation(model: CaseModel, finding: { from: string; rel: string; to: string }): Relation | undefined {
  if (!(finding.rel in RELATIONS)) return undefined;
  const key = relationKey(finding.from, finding.rel as RelationKey, finding.to);
  return model.relationViews(finding.from).find((view) => view.relation.key === key)?.relation;
}

/** The front page's findings, resolved; findings that name no relationship are left out (the check reports them). */
export function findingsOf(model: CaseModel, front: FrontPageSource): Finding[] {
  return front.declaration.findings.flatMap((finding) => {
    const relation = findRelation(model, finding);
    if (!relation) return [];
    return [
      {
        text: finding.text,
        relation,
        evidence: relationEvidence(model, relation),
        path: `${entryPath(relation.from)}#${relationAnchor(relation, relation.from)}`,
      },
    ];
  });
}

/** Every problem with the front-page declarations: more than one, or a finding or figure entity that points nowhere. */
export function checkFrontPage(model: CaseModel): CaseProblem[] {
  const problems: CaseProblem[] = [];
  const declaring = model.reports.filter((report) => report.data.front_page);
  for (const extra of declaring.slice(1)) {
    problems.push({
      file: extra.file,
      field: 'front_page',
      message: `the front page is already declared in ${declaring[0]?.file ?? ''}`,
      fix: 'keep front_page in one report only',
    });
  }
  for (const report of declaring) {
    const front = report.data.front_page;
    if (!front) continue;
    front.findings.forEach((finding, i) => {
      const field = `front_page.findings[${i}]`;
      for (const end of ['from', 'to'] as const) {
        if (!model.entity(finding[end])) {
          const suggestion = didYouMean(
            finding[end],
            model.entities.map((entity) => entity.id),
          );
          problems.push({
            file: report.file,
            field: `${field}.${end}`,
            message: `no published entity at "${finding[end]}"`,
            fix: suggestion ? `did you mean "${suggestion}"?` : 'write type/slug of an entity of the case',
          });
          return;
        }
      }
      if (findRelation(model, finding)) return;
      const written = model.relationViews(finding.from).map(({ relation }) => relation);
      const between = written.filter(
        (relation) => relation.to === finding.to || (relation.from === finding.to && relation.to === finding.from),
      );
      const fix =
        between.length > 0
          ? `the case has ${between.map((relation) => `${relation.from} ${relation.rel} ${relation.to}`).join('; ')}: use it`
          : `${finding.from} has no relationship with ${finding.to}; point the finding at one of its relationships, or add the link`;
      problems.push({
        file: report.file,
        field,
        message: `no relationship "${finding.from} ${finding.rel} ${finding.to}" in the case`,
        fix,
      });
    });
    front.figure?.entities.forEach((id, i) => {
      if (model.entity(id)) return;
      const suggestion = didYouMean(
        id,
        model.entities.map((entity) => entity.id),
      );
      problems.push({
        file: report.file,
        field: `front_page.figure.entities[${i}]`,
        message: `no published entity at "${id}"`,
        fix: suggestion ? `did you mean "${suggestion}"?` : 'write type/slug of an entity of the case',
      });
    });
  }
  return problems;
}

/** Every correction that cites a source the case does not have. */
export function checkCorrections(model: CaseModel): CaseProblem[] {
  const problems: CaseProblem[] = [];
  for (const entry of model.entries.values()) {
    if (entry.kind === 'source') continue;
    entry.data.corrections.forEach((correction, i) => {
      for (const id of sourceIdsOf(correction.sources)) {
        if (model.get(`sources/${id}`)?.kind === 'source') continue;
        const suggestion = didYouMean(
          id,
          model.sources.map((source) => source.slug),
        );
        problems.push({
          file: entry.file,
          field: `corrections[${i}].sources`,
          message: `unknown source id "${id}"`,
          fix: suggestion ? `did you mean "${suggestion}"?` : `add content/sources/${id}.md or fix the id`,
        });
      }
    });
  }
  return problems;
}
