/**
 * Projects: the digitalisation and 2030 World Cup projects as a timeline and a list, filtered by territory (a
 * region includes its provinces) and by status (URL `status`). Each project shows progress ("not published" when
 * null), milestones, capacity, budget, its data status, its source and links to the indicators it should move.
 *
 * The timeline runs in the reading direction (right → left in Arabic): bars are placed with logical properties.
 */
import { useState, type MouseEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useShallow } from 'zustand/react/shallow';
import type { Indicator, Lang, Project, ProjectStatus, Territory } from '../../contract/contract.ts';
import { indicatorsQuery, projectsQuery, territoriesQuery } from '../../api/queries.ts';
import { LOCALES, pick, plural, translate } from '../../i18n/i18n.ts';
import { formatNumber, formatPercent, formatPeriod } from '../../i18n/format.ts';
import { serializeViewUrl } from '../../state/view-state.ts';
import { selectViewState, useViewStore } from '../../state/view-store.ts';
import { updateView } from '../../state/url-sync.ts';
import { statusText } from '../../i18n/status-label.ts';
import { chartMessages as ui } from '../../ui/messages.ts';
import { EmptyState, PanelSkeleton } from '../../ui/panel-states.tsx';
import { QueryState, datasetError } from '../../ui/query-state.tsx';
import { SourceLine } from '../../ui/source-line.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { TerritoryPickerState, TerritorySelect } from '../../ui/territory-select.tsx';
import { projectsMessages as m, projectsPlurals } from './messages.ts';
import {
  axisPercent,
  dateToYear,
  filterProjects,
  milestoneTime,
  projectBar,
  timelineDomain,
  yearTicks,
} from './projects-model.ts';
// Its style sheet is in the HTML's first sheet: src/main.tsx imports every sheet of the app's frame (issue 16).

const STATUSES: readonly ProjectStatus[] = ['announced', 'planned', 'in-progress', 'completed'];
const STATUS_KEY = {
  announced: 'statusAnnounced',
  planned: 'statusPlanned',
  'in-progress': 'statusInProgress',
  completed: 'statusCompleted',
} as const;
const CATEGORY_KEY = {
  stadium: 'catStadium',
  digital: 'catDigital',
  'smart-territory': 'catSmart',
  'event-venue': 'catVenue',
} as const;

function isProjectStatus(v: string | null): v is ProjectStatus {
  return v !== null && (STATUSES as readonly string[]).includes(v);
}

function formatBudget(budget: NonNullable<Project['budget']>, lang: Lang): string {
  return new Intl.NumberFormat(LOCALES[lang], {
    style: 'currency',
    currency: budget.currency,
    notation: budget.amount >= 1_000_000 ? 'compact' : 'standard',
    // Currency style defaults to 2 minimum fraction digits ("500,0 M €"); budgets read better whole.
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  }).format(budget.amount);
}

function datesText(p: Project, lang: Lang): string {
  if (!p.start && !p.end) return translate(m, lang, 'datesUnknown');
  return translate(m, lang, 'datesRange', {
    start: p.start ? formatPeriod(p.start, lang) : '?',
    end: p.end ? formatPeriod(p.end, lang) : '?',
  });
}

function Progress({ project, lang }: { project: Project; lang: Lang }) {
  const name = pick(project.title, lang);
  if (project.progress === null) return <span>{translate(ui, lang, 'notPublished')}</span>;
  const text = formatPercent(project.progress, lang, 0);
  return (
    <span className="mv-progress">
      <span
        className="mv-progress__track"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={project.progress}
        aria-valuetext={text}
        aria-label={translate(m, lang, 'progressLabel', { name })}
      >
        <span className="mv-progress__fill" style={{ inlineSize: `${project.progress}%`, display: 'block' }} />
      </span>
      <span>{text}</span>
    </span>
  );
}

function ProjectCard({
  project,
  territoryName,
  indicators,
  lang,
}: {
  project: Project;
  territoryName: string;
  indicators: ReadonlyMap<string, Indicator>;
  lang: Lang;
}) {
  const viewState = useViewStore(useShallow(selectViewState));
  const headingId = `project-${project.id}`;
  const open = (indicator: string) => (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    updateView({ view: 'explorer', indicator, territories: [project.territory] });
  };
  return (
    <li>
      <article
        className="mv-card"
        aria-labelledby={headingId}
        data-project={project.id}
        data-status={project.dataStatus}
      >
        <header className="mv-card__header">
          <h2 id={headingId} className="mv-card__title">
            {pick(project.title, lang)}
          </h2>
          <StatusBadge status={project.dataStatus} lang={lang} />
        </header>
        {project.dataStatus === 'illustrative' ? (
          <p className="mv-notice">{translate(m, lang, 'illustrativeNote')}</p>
        ) : null}
        <p className="mv-small">{pick(project.summary, lang)}</p>
        <dl className="mv-meta">
          <dt>{translate(m, lang, 'territory')}</dt>
          <dd>{territoryName}</dd>
          <dt>{translate(m, lang, 'category')}</dt>
          <dd>{translate(m, lang, CATEGORY_KEY[project.category])}</dd>
          <dt>{translate(m, lang, 'projectStatus')}</dt>
          <dd data-project-status={project.status}>{translate(m, lang, STATUS_KEY[project.status])}</dd>
          <dt>{translate(m, lang, 'dates')}</dt>
          <dd>{datesText(project, lang)}</dd>
          <dt>{translate(m, lang, 'progress')}</dt>
          <dd>
            <Progress project={project} lang={lang} />
          </dd>
          {project.capacity !== undefined ? (
            <>
              <dt>{translate(m, lang, 'capacity')}</dt>
              <dd>{translate(m, lang, 'seats', { value: formatNumber(project.capacity, lang, 0) })}</dd>
            </>
          ) : null}
          <dt>{translate(m, lang, 'budget')}</dt>
          <dd>
            {project.budget ? formatBudget(project.budget, lang) : translate(ui, lang, 'notPublished')}
            {project.budget?.note ? <span className="mv-small"> ({project.budget.note[lang]})</span> : null}
          </dd>
        </dl>
        <h3>{translate(m, lang, 'milestones')}</h3>
        {project.milestones.length === 0 ? (
          <p className="mv-small">{translate(m, lang, 'noMilestones')}</p>
        ) : (
          <ul className="mv-milestones">
            {project.milestones.map((ms) => (
              <li key={`${ms.date}-${ms.label.fr}`} data-done={ms.done}>
                <span aria-hidden="true">{ms.done ? '◆' : '◇'}</span>
                <span>
                  <strong>{formatPeriod(ms.date, lang)}</strong> — {pick(ms.label, lang)} (
                  {translate(m, lang, ms.done ? 'done' : 'todo')})
                </span>
              </li>
            ))}
          </ul>
        )}
        {project.indicators.length > 0 ? (
          <>
            <h3>{translate(m, lang, 'indicators')}</h3>
            <ul className="mv-milestones">
              {project.indicators.map((id) => {
                const ind = indicators.get(id);
                const name = ind ? pick(ind.name, lang) : id;
                const href =
                  serializeViewUrl({
                    ...viewState,
                    view: 'explorer',
                    indicator: id,
                    territories: [project.territory],
                  }) || '?';
                return (
                  <li key={id}>
                    <a
                      href={href}
                      onClick={open(id)}
                      aria-label={translate(m, lang, 'openIndicator', { name, territory: territoryName })}
                    >
                      {name}
                    </a>
                  </li>
                );
              })}
            </ul>
          </>
        ) : null}
        <footer className="mv-card__footer">
          <SourceLine source={project.source} lang={lang} />
        </footer>
      </article>
    </li>
  );
}

function Timeline({
  projects,
  names,
  lang,
  today,
}: {
  projects: readonly Project[];
  names: ReadonlyMap<string, string>;
  lang: Lang;
  today: number;
}) {
  const domain = timelineDomain(projects, today);
  const ticks = yearTicks(domain);
  const todayPos = axisPercent(today, domain);
  return (
    <figure className="mv-timeline">
      <figcaption>{translate(m, lang, 'timelineCaption', { from: domain.from, to: domain.to })}</figcaption>
      <div className="mv-timeline__inner">
        <div className="mv-timeline__axis" aria-hidden="true">
          <span />
          <div className="mv-timeline__ticks">
            {ticks.map((y) => {
              const at = axisPercent(y, domain);
              // Edge labels are aligned inside the axis so they are not clipped.
              const edge = at <= 0 ? 'start' : at >= 100 ? 'end' : undefined;
              return (
                <span key={y} className="mv-timeline__tick" data-edge={edge} style={{ insetInlineStart: `${at}%` }}>
                  {y}
                </span>
              );
            })}
          </div>
        </div>
        <div className="mv-timeline__rows">
          {/* The today line spans every row; 14.5rem = label column + gap (see views.css). */}
          <span
            className="mv-timeline__today"
            data-today="true"
            aria-hidden="true"
            style={{ insetInlineStart: `calc(14.5rem + (100% - 14.5rem) * ${(todayPos / 100).toFixed(4)})` }}
          >
            <span className="mv-timeline__today-label">{translate(m, lang, 'today')}</span>
          </span>
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {projects.map((p) => {
              const bar = projectBar(p, domain);
              const title = pick(p.title, lang);
              const summary = translate(m, lang, 'rowSummary', {
                name: title,
                dates: datesText(p, lang),
                status: translate(m, lang, STATUS_KEY[p.status]),
              });
              return (
                <li key={p.id} className="mv-timeline__row" data-project={p.id}>
                  <span className="mv-timeline__label" title={`${title} — ${names.get(p.territory) ?? p.territory}`}>
                    {title}
                    {bar ? null : (
                      <span className="mv-small" aria-hidden="true">
                        {datesText(p, lang)}
                      </span>
                    )}
                  </span>
                  <div className="mv-timeline__track">
                    <span className="visually-hidden">{summary}</span>
                    {bar ? (
                      <span
                        className="mv-timeline__bar"
                        data-status={p.dataStatus}
                        aria-hidden="true"
                        style={{
                          insetInlineStart: `${bar.start}%`,
                          inlineSize: `${Math.max(0.6, bar.end - bar.start)}%`,
                        }}
                      >
                        {p.progress !== null ? (
                          <span className="mv-timeline__done" style={{ inlineSize: `${p.progress}%` }} />
                        ) : null}
                      </span>
                    ) : null}
                    {p.milestones.map((ms) => {
                      const t = milestoneTime(ms.date);
                      if (t === null) return null;
                      return (
                        <span
                          key={`${ms.date}-${ms.label.fr}`}
                          className="mv-timeline__milestone"
                          data-done={ms.done}
                          aria-hidden="true"
                          title={translate(m, lang, 'milestoneAt', {
                            label: pick(ms.label, lang),
                            date: formatPeriod(ms.date, lang),
                            state: translate(m, lang, ms.done ? 'done' : 'todo'),
                          })}
                          style={{ insetInlineStart: `${axisPercent(t, domain)}%` }}
                        />
                      );
                    })}
                  </div>
                </li>
              );
            })}
          </ul>
        </div>
        <p className="mv-legend">
          <span>
            <span aria-hidden="true">◆</span> {translate(m, lang, 'legendDone')}
          </span>
          <span>
            <span aria-hidden="true">◇</span> {translate(m, lang, 'legendTodo')}
          </span>
          <span>
            <span aria-hidden="true" style={{ color: 'var(--mv-bad)' }}>
              ┆
            </span>{' '}
            {translate(m, lang, 'today')}
          </span>
          <span>{translate(m, lang, 'legendIllustrative', { status: statusText('illustrative', lang) })}</span>
        </p>
      </div>
    </figure>
  );
}

/** The projects view (lazy-loaded by the shell). `today` is injectable for tests. */
export function ProjectsView({ today }: { today?: Date } = {}) {
  const {
    lang,
    territories: selected,
    projectStatus,
  } = useViewStore(useShallow((s) => ({ lang: s.lang, territories: s.territories, projectStatus: s.projectStatus })));
  const projectsQ = useQuery(projectsQuery({}));
  const territoriesQ = useQuery(territoriesQuery());
  const indicatorsQ = useQuery(indicatorsQuery());

  const territories: readonly Territory[] = territoriesQ.data ?? [];
  const names = new Map(territories.map((t) => [t.code, pick(t.name, lang)]));
  const indicators = new Map((indicatorsQ.data ?? []).map((i) => [i.id, i]));
  const territory = selected[0] ?? null;
  const status = isProjectStatus(projectStatus) ? projectStatus : null;
  const all = projectsQ.data ?? [];
  const shown = filterProjects(all, territories, { territory, status });
  // Read the clock once, when the view mounts: a render must be pure (react/purity), and "today" moving by a few
  // milliseconds between renders would only make the timeline's today line jitter.
  const [mountedAt] = useState(() => new Date());
  const todayYear = dateToYear(today ?? mountedAt);

  // Offer only territories that have projects, and the regions above them.
  const withProjects = new Set<string>();
  for (const p of all) {
    withProjects.add(p.territory);
    const parent = territories.find((t) => t.code === p.territory)?.parent;
    if (parent) withProjects.add(parent);
  }
  if (territory) withProjects.add(territory);
  const pickable = territories.filter((t) => withProjects.has(t.code) && t.level !== 'country');

  return (
    <section className="mv-view" aria-labelledby="projects-title">
      <div>
        <h1 id="projects-title">{translate(m, lang, 'title')}</h1>
        <p className="mv-small">{translate(m, lang, 'intro')}</p>
      </div>

      <div className="mv-toolbar">
        <TerritoryPickerState query={territoriesQ} lang={lang}>
          {() => (
            <TerritorySelect
              id="projects-territory"
              label={translate(m, lang, 'territoryFilter')}
              territories={pickable}
              value={territory ?? ''}
              lang={lang}
              allLabel={translate(m, lang, 'allTerritories')}
              onChange={(code) => updateView({ territories: code === '' ? [] : [code] })}
            />
          )}
        </TerritoryPickerState>
        <div className="mv-field">
          <label htmlFor="projects-status">{translate(m, lang, 'statusFilter')}</label>
          <select
            id="projects-status"
            value={status ?? ''}
            onChange={(e) => updateView({ projectStatus: e.target.value === '' ? null : e.target.value })}
          >
            <option value="">{translate(m, lang, 'allStatuses')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {translate(m, lang, STATUS_KEY[s])}
              </option>
            ))}
          </select>
        </div>
      </div>

      <QueryState
        query={projectsQ}
        lang={lang}
        errorMessage={datasetError('datasetProjects', lang)}
        loading={
          <>
            <PanelSkeleton height={220} lang={lang} />
            <PanelSkeleton height={320} lang={lang} />
          </>
        }
      >
        {() =>
          territoriesQ.isPending ? (
            // The timeline names territories: wait for them too (their error shows in the toolbar).
            <>
              <PanelSkeleton height={220} lang={lang} />
              <PanelSkeleton height={320} lang={lang} />
            </>
          ) : (
            <>
              <p role="status" className="mv-small">
                {plural(projectsPlurals.count, lang, shown.length, { total: formatNumber(all.length, lang, 0) })}
              </p>
              {shown.length === 0 ? (
                <EmptyState lang={lang} message={translate(m, lang, 'empty')}>
                  <button type="button" onClick={() => updateView({ territories: [], projectStatus: null })}>
                    {translate(m, lang, 'clearFilters')}
                  </button>
                </EmptyState>
              ) : (
                <>
                  <Timeline projects={shown} names={names} lang={lang} today={todayYear} />
                  <ul className="mv-projects-list" aria-label={translate(m, lang, 'listHeading')}>
                    {shown.map((p) => (
                      <ProjectCard
                        key={p.id}
                        project={p}
                        territoryName={names.get(p.territory) ?? p.territory}
                        indicators={indicators}
                        lang={lang}
                      />
                    ))}
                  </ul>
                </>
              )}
            </>
          )
        }
      </QueryState>
    </section>
  );
}
