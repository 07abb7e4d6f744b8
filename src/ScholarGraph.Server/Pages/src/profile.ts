// The profile page at /authors/{id}: the author card and paper list from one GraphQL query (operations/Profile.graphql).
import { authorGlobalId, execute, html } from './graphql';

interface ReportedMetrics { source: string; hIndex: number | null; paperCount: number | null; citationCount: number | null; noveltyPercent: number | null; aiScore: number | null }
interface Paper {
  id: string; title: string; category: string | null; publicationDate: string | null; dateYearInferred: boolean;
  codeUrl: string | null; authorListTruncated: boolean; abstract: string | null;
  authors: { position: number | null; author: { id: string; name: string } }[];
  institutions: { name: string }[];
}
interface ProfileData {
  author: null | { id: string; name: string; category: string | null; reportedMetrics: ReportedMetrics[]; papers: { totalCount: number; nodes: Paper[] } };
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The date as the profile prints it: `Oct 16, 2023`, and without the year where the page printed none (the year was inferred). */
export function printedDate(date: string | null, yearInferred: boolean): string {
  if (!date) return '';
  const [year, month, day] = date.split('-').map(Number);
  const monthDay = `${months[month - 1]} ${day}`;
  return yearInferred ? monthDay : `${monthDay}, ${year}`;
}

/** The printed authors in their printed order, then "et al." where the page cut the list; authors without a position were not printed. */
function printedAuthors(paper: Paper): string {
  const names = paper.authors
    .filter((a) => a.position !== null)
    .sort((a, b) => a.position! - b.position!)
    .map((a) => `<a href="/authors/${encodeURIComponent(a.author.id)}" data-author-id="${html(a.author.id)}">${html(a.author.name)}</a>`);
  return names.join(', ') + (paper.authorListTruncated ? ' <span class="et-al">et al.</span>' : '');
}

function metricsCard(metrics: ReportedMetrics): string {
  const item = (name: string, label: string, value: number | null, suffix = '') =>
    value === null ? '' : `<div class="metric" data-metric="${name}"><span class="value">${html(value)}${suffix}</span> <span class="label">${label}</span></div>`;
  return `<section class="metrics" data-source="${html(metrics.source)}">
      ${item('hIndex', 'h-index', metrics.hIndex)}
      ${item('paperCount', 'papers', metrics.paperCount)}
      ${item('citationCount', 'citations', metrics.citationCount)}
      ${item('noveltyPercent', 'novelty', metrics.noveltyPercent, '%')}
      ${item('aiScore', 'AI score', metrics.aiScore)}
      <p class="source">Reported by <code>${html(metrics.source)}</code>, as the source page prints them.</p>
    </section>`;
}

function paperCard(paper: Paper): string {
  const institutions = paper.institutions.map((i) => html(i.name)).join(', ');
  return `<article class="paper" data-paper-id="${html(paper.id)}">
      <div class="paper-meta">
        <span class="category">${html(paper.category)}</span>
        <time datetime="${html(paper.publicationDate)}" class="date">${html(printedDate(paper.publicationDate, paper.dateYearInferred))}</time>
        ${paper.codeUrl ? `<a class="code" href="${html(paper.codeUrl)}" rel="noopener">Code</a>` : ''}
      </div>
      <h3 class="title">${html(paper.title)}</h3>
      <p class="authors">${printedAuthors(paper)}${institutions ? ` · <span class="institutions">${institutions}</span>` : ''}</p>
      ${paper.abstract ? `<p class="abstract">${html(paper.abstract)}</p>` : ''}
    </article>`;
}

async function render(main: HTMLElement) {
  const key = decodeURIComponent(location.pathname.replace(/^\/authors\//, '').replace(/\/$/, ''));
  const id = authorGlobalId(key);
  try {
    const { author } = await execute<ProfileData>('Profile', { id });
    if (!author) {
      main.innerHTML = `<p class="status error">No author has the id <code>${html(key)}</code>.</p>`;
      return;
    }
    document.title = `${author.name} · ScholarGraph`;
    main.innerHTML = `<section class="author-card" data-author-id="${html(author.id)}">
        <h1 class="name">${html(author.name)}</h1>
        ${author.category ? `<p class="category">${html(author.category)}</p>` : ''}
        ${author.reportedMetrics.map(metricsCard).join('')}
        <p><a class="explore-link" href="/explore?author=${encodeURIComponent(author.id)}">Explore ${html(author.name)}'s coauthor network</a></p>
      </section>
      <section class="papers">
        <h2><span class="paper-count">${author.papers.totalCount}</span> Papers</h2>
        ${author.papers.nodes.map(paperCard).join('')}
      </section>`;
  } catch (error) {
    main.innerHTML = `<p class="status error">${html((error as Error).message)}</p>`;
  } finally {
    main.setAttribute('aria-busy', 'false');
    main.dataset.ready = 'true';
  }
}

render(document.getElementById('profile')!);
