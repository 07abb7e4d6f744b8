// The explorer at /explore: find an author as you type, draw their coauthor network force-directed (sigma on WebGL, laid out
// by ForceAtlas2 in a web worker, so it stays fluid at 2,000 nodes), recentre by clicking, filter by depth, shared papers and
// years, highlight a collaboration path, and map the topic clusters. Tests read what is drawn from window.__explorer.
import Graph from 'graphology';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import Sigma from 'sigma';
import { authorGlobalId, execute, html } from './graphql';

interface AuthorRef { id: string; name: string }
interface NetworkData {
  coauthorNetwork: null | {
    center: AuthorRef;
    truncated: boolean;
    nodes: { distance: number; papersInNetwork: number; author: AuthorRef & { category: string | null; topicProfile: { share: number; cluster: { id: number; label: string } }[] } }[];
    edges: { weight: number; firstYear: number | null; lastYear: number | null; source: { id: string }; target: { id: string } }[];
  };
}
interface PathData {
  collaborationPath: { reason: string | null; path: null | { length: number; authors: AuthorRef[]; hops: { from: AuthorRef; to: AuthorRef; papers: { id: string; title: string; publicationDate: string | null }[] }[] } };
}
interface SearchData { authors: { nodes: (AuthorRef & { category: string | null })[] } }
interface ClusterData { topicClusters: { modularity: number; clusters: { id: number; label: string; size: number; paperCount: number; topics: { id: string; name: string; related: { strength: number; sharedPapers: number; topic: { id: string } }[] }[] }[] } }

/** The most authors the explorer asks for: the server's upper bound for coauthorNetwork's maxNodes. */
const maxNodes = 2000;
const palette = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
const unclustered = '#8a8f99';
const clusterColour = (id: number | undefined) => (id === undefined ? unclustered : palette[id % palette.length]);
const edgeKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const inputs = { depth: $<HTMLInputElement>('depth'), minShared: $<HTMLInputElement>('min-shared'), fromYear: $<HTMLInputElement>('from-year'), toYear: $<HTMLInputElement>('to-year') };

const graph = new Graph({ type: 'undirected' });
const renderer = new Sigma(graph, $('graph'), { renderEdgeLabels: false, labelRenderedSizeThreshold: 8, allowInvalidContainer: true });
let layout: FA2Layout | null = null;
let layoutTimer: number | undefined;

const state = {
  center: null as string | null,
  hovered: null as string | null,
  pathAuthors: [] as string[],
  pathEdges: new Set<string>(),
  loads: 0,
  error: null as string | null,
  truncated: false,
};

// What is drawn, for tests and for anyone embedding the explorer: node ids are author global ids, edge ids "a|b" sorted.
const testHook = {
  get center() { return state.center; },
  /** How many networks were drawn (or failed) for the latest choice at the time; it grows once per settled load. */
  get loads() { return state.loads; },
  get error() { return state.error; },
  get truncated() { return state.truncated; },
  /** The network's authors and coauthorships (not those drawn only for a path). */
  nodes: () => graph.filterNodes((_, a) => a.pathOnly !== true),
  edges: () => graph.filterEdges((_, a) => a.pathOnly !== true),
  node: (id: string) => graph.getNodeAttributes(id),
  edge: (id: string) => graph.getEdgeAttributes(id),
  path: () => [...state.pathAuthors],
  pathEdges: () => [...state.pathEdges],
  recentre: (id: string) => loadNetwork(id),
  showPathTo: (id: string) => showPath(id),
  /** The node's position in the graph container's pixels, to click or hover it as a person would. */
  viewportPosition: (id: string) => renderer.graphToViewport({ x: graph.getNodeAttribute(id, 'x'), y: graph.getNodeAttribute(id, 'y') }),
  clusters: () => clusterIds,
};
(window as unknown as { __explorer: typeof testHook }).__explorer = testHook;
let clusterIds: number[] = [];

function yearDate(input: HTMLInputElement, monthDay: string): string | null {
  const year = input.valueAsNumber;
  return Number.isInteger(year) ? `${String(year).padStart(4, '0')}-${monthDay}` : null;
}

function setStatus(text: string) {
  $('network-status').textContent = text;
}

let latestRequest = 0;

async function loadNetwork(centerId: string) {
  const request = ++latestRequest;
  state.center = centerId;
  const url = new URL(location.href);
  url.searchParams.set('author', centerId);
  history.replaceState(null, '', url);
  setStatus('Loading…');
  try {
    const data = await execute<NetworkData>('CoauthorNetwork', {
      id: centerId,
      depth: Math.min(3, Math.max(0, inputs.depth.valueAsNumber || 0)),
      minSharedPapers: Math.max(1, inputs.minShared.valueAsNumber || 1),
      from: yearDate(inputs.fromYear, '01-01'),
      to: yearDate(inputs.toYear, '12-31'),
      maxNodes,
    });
    if (request !== latestRequest) return; // a later choice won
    state.error = null;
    draw(data);
    state.loads++;
  } catch (error) {
    if (request !== latestRequest) return;
    state.error = (error as Error).message;
    setStatus(state.error);
    state.loads++;
  }
}

function draw(data: NetworkData) {
  stopLayout();
  const previous = new Map(graph.mapNodes((id, attributes) => [id, { x: attributes.x as number, y: attributes.y as number }]));
  graph.clear();
  clearPath();
  const network = data.coauthorNetwork;
  if (!network) {
    setStatus('No author has that id.');
    $('center-line').textContent = 'No author chosen.';
    return;
  }
  state.truncated = network.truncated;
  $('center-line').innerHTML = `Centre: <strong>${html(network.center.name)}</strong> · <a href="/authors/${encodeURIComponent(network.center.id)}">profile</a>`;
  const maxPapers = Math.max(1, ...network.nodes.map((n) => n.papersInNetwork));
  network.nodes.forEach((node, index) => {
    const cluster = node.author.topicProfile[0]?.cluster;
    // Keep where a node was, so recentring does not scatter what the reader already saw; new ones start on a ring by distance.
    const angle = (index / network.nodes.length) * 2 * Math.PI;
    const start = previous.get(node.author.id) ?? { x: Math.cos(angle) * (node.distance + 1), y: Math.sin(angle) * (node.distance + 1) };
    graph.addNode(node.author.id, {
      ...start,
      label: node.author.name,
      size: 4 + 14 * Math.sqrt(node.papersInNetwork / maxPapers),
      color: clusterColour(cluster?.id),
      distance: node.distance,
      papers: node.papersInNetwork,
      category: node.author.category,
      cluster: cluster?.label ?? null,
      clusterId: cluster?.id ?? null,
    });
  });
  const maxWeight = Math.max(1, ...network.edges.map((e) => e.weight));
  for (const edge of network.edges) {
    graph.addEdgeWithKey(edgeKey(edge.source.id, edge.target.id), edge.source.id, edge.target.id, {
      size: 1 + 5 * (edge.weight / maxWeight),
      weight: edge.weight,
      firstYear: edge.firstYear,
      lastYear: edge.lastYear,
      color: '#c3c8d4',
    });
  }
  // A small network names every author; a large one only those drawn big enough, the rest on hover.
  renderer.setSetting('labelRenderedSizeThreshold', graph.order <= 60 ? 0 : 8);
  setStatus(`${graph.order} authors, ${graph.size} coauthorships${network.truncated ? ' (cut at the 2,000 nearest)' : ''}.`);
  startLayout();
}

function startLayout() {
  if (graph.order < 2) return;
  // Settled enough for a first look within a few seconds; a worker keeps the page responsive meanwhile.
  layout = new FA2Layout(graph, { settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 300 } });
  layout.start();
  layoutTimer = window.setTimeout(stopLayout, Math.min(6000, 1500 + graph.order * 3));
}

function stopLayout() {
  window.clearTimeout(layoutTimer);
  layout?.kill();
  layout = null;
}

function clearPath() {
  // Authors and hops drawn only for a path that left the network go with it.
  graph.filterNodes((_, attributes) => attributes.pathOnly === true).forEach((node) => graph.dropNode(node));
  graph.filterEdges((_, attributes) => attributes.pathOnly === true).forEach((edge) => graph.dropEdge(edge));
  state.pathAuthors = [];
  state.pathEdges = new Set();
  $('path-result').innerHTML = '';
  renderer.refresh();
}

async function showPath(targetId: string) {
  if (!state.center) return;
  const { collaborationPath } = await execute<PathData>('CollaborationPath', { from: state.center, to: targetId });
  const path = collaborationPath.path;
  if (!path) {
    clearPath();
    $('path-result').textContent = collaborationPath.reason === 'UNKNOWN_AUTHOR' ? 'One of the authors is unknown.' : 'No chain of coauthors joins them within six steps.';
    return;
  }
  clearPath();
  // A path may leave the drawn network: its authors and hops are drawn beside their neighbours on it, until it is cleared.
  path.authors.forEach((author, index) => {
    if (graph.hasNode(author.id)) return;
    const previous = index > 0 ? graph.getNodeAttributes(path.authors[index - 1].id) : { x: 0, y: 0 };
    graph.addNode(author.id, { x: (previous.x as number) + 1, y: (previous.y as number) + 1, size: 6, color: '#d62728', label: author.name, pathOnly: true, distance: '?', papers: '?' });
  });
  for (const hop of path.hops)
    if (!graph.hasEdge(edgeKey(hop.from.id, hop.to.id)))
      graph.addEdgeWithKey(edgeKey(hop.from.id, hop.to.id), hop.from.id, hop.to.id, { size: 2, weight: hop.papers.length, color: '#c3c8d4', pathOnly: true });
  state.pathAuthors = path.authors.map((a) => a.id);
  state.pathEdges = new Set(path.hops.map((hop) => edgeKey(hop.from.id, hop.to.id)));
  $('path-result').innerHTML = `<strong>${path.length} step${path.length === 1 ? '' : 's'}</strong><ol class="hops">${path.hops
    .map((hop) => `<li data-hop="${html(edgeKey(hop.from.id, hop.to.id))}">${html(hop.from.name)} → ${html(hop.to.name)}: ${hop.papers
      .map((p) => `<span class="linking-paper" data-paper-id="${html(p.id)}">${html(p.title)}</span>`).join('; ')}</li>`)
    .join('')}</ol>`;
  renderer.refresh();
}

renderer.setSetting('nodeReducer', (node, data) => {
  const onPath = state.pathAuthors.includes(node);
  const dim = (state.pathAuthors.length > 0 && !onPath) || (state.hovered !== null && node !== state.hovered && !graph.areNeighbors(node, state.hovered));
  return { ...data, color: dim ? '#e3e5ea' : data.color, highlighted: onPath || node === state.hovered, zIndex: onPath ? 1 : 0, label: dim ? '' : data.label };
});
renderer.setSetting('edgeReducer', (edge, data) => {
  if (state.pathEdges.has(edge)) return { ...data, color: '#d62728', size: Math.max(4, data.size as number), zIndex: 1 };
  const [a, b] = graph.extremities(edge);
  const hidden = (state.pathAuthors.length > 0) || (state.hovered !== null && a !== state.hovered && b !== state.hovered);
  return { ...data, color: hidden ? '#eef0f3' : data.color };
});

renderer.on('clickNode', ({ node, event }) => {
  if ((event.original as MouseEvent).shiftKey) void showPath(node);
  else void loadNetwork(node);
});
renderer.on('enterNode', ({ node }) => {
  state.hovered = node;
  const a = graph.getNodeAttributes(node);
  $('details').innerHTML = `<strong class="detail-name">${html(a.label)}</strong><br>${a.category ? `Category ${html(a.category)} · ` : ''}${a.distance} step${a.distance === 1 ? '' : 's'} from the centre · ${a.papers} paper${a.papers === 1 ? '' : 's'} in the network${a.cluster ? `<br>Topic cluster: ${html(a.cluster)}` : ''}`;
  renderer.refresh();
});
renderer.on('leaveNode', () => {
  state.hovered = null;
  renderer.refresh();
});

/** A search box that suggests authors as you type and calls `choose` with the one picked. */
function authorSearch(input: HTMLInputElement, list: HTMLElement, choose: (id: string) => void) {
  let timer: number | undefined;
  let latest = '';
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(async () => {
      const text = input.value.trim();
      latest = text;
      if (text.length < 2) {
        list.innerHTML = '';
        return;
      }
      const { authors } = await execute<SearchData>('AuthorSearch', { text });
      if (latest !== text) return;
      list.innerHTML = authors.nodes
        .map((a) => `<li><button type="button" data-author-id="${html(a.id)}">${html(a.name)}${a.category ? ` <small>${html(a.category)}</small>` : ''}</button></li>`)
        .join('') || '<li><em>No author matches.</em></li>';
    }, 150);
  });
  list.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest('button');
    if (!button?.dataset.authorId) return;
    list.innerHTML = '';
    input.value = button.textContent ?? '';
    choose(button.dataset.authorId);
  });
}

authorSearch($('search'), $('suggestions'), (id) => void loadNetwork(id));
authorSearch($('path-search'), $('path-suggestions'), (id) => void showPath(id));
$('clear-path').addEventListener('click', clearPath);
for (const input of Object.values(inputs)) input.addEventListener('change', () => state.center && void loadNetwork(state.center));

async function drawTopicMap() {
  const { topicClusters } = await execute<ClusterData>('TopicClusters');
  const topics = new Graph({ type: 'undirected' });
  clusterIds = topicClusters.clusters.map((c) => c.id);
  // Each cluster starts on its own spot of a wide ring with its topics in a small ring around it, so the layout below refines
  // clusters that are already apart (the same start every time: the map does not jump between visits).
  const clusterCount = topicClusters.clusters.length;
  topicClusters.clusters.forEach((cluster, c) => {
    const centre = { x: Math.cos((2 * Math.PI * c) / clusterCount) * 100, y: Math.sin((2 * Math.PI * c) / clusterCount) * 100 };
    cluster.topics.forEach((topic, i) => topics.mergeNode(topic.id, {
      label: topic.name, color: clusterColour(cluster.id), size: i === 0 ? 10 : 6, cluster: cluster.id,
      x: centre.x + Math.cos((2 * Math.PI * i) / cluster.topics.length) * 20,
      y: centre.y + Math.sin((2 * Math.PI * i) / cluster.topics.length) * 20,
    }));
  });
  for (const cluster of topicClusters.clusters)
    for (const topic of cluster.topics)
      for (const related of topic.related)
        if (topics.hasNode(related.topic.id) && !topics.hasEdge(topic.id, related.topic.id))
          topics.addEdge(topic.id, related.topic.id, { size: Math.min(4, 0.5 + related.sharedPapers), color: '#d5d9e2' });
  if (topics.order > 1) {
    // Linked topics pull together and every pair repels; the clusters, often not linked to one another, are held near the
    // centre by gravity rather than thrown to the edges. Then no two topics are left closer than their labels need.
    forceAtlas2.assign(topics, { iterations: 300, settings: { ...forceAtlas2.inferSettings(topics), gravity: 0.5, scalingRatio: 30, adjustSizes: true } });
    noverlap.assign(topics, { maxIterations: 200, settings: { margin: 12, ratio: 2, expansion: 1.2 } });
  }
  // Each cluster's leading topic (drawn larger) is named; the others are named on hover and as the reader zooms in, since the
  // topics of one cluster sit too close for all their names.
  new Sigma(topics, $('topic-map'), { labelRenderedSizeThreshold: 8, allowInvalidContainer: true });
  $('cluster-legend').innerHTML = topicClusters.clusters
    .map((c) => `<span style="--colour:${clusterColour(c.id)}" data-cluster="${c.id}">${html(c.label)} (${c.size})</span>`)
    .join('');
}

void drawTopicMap().catch((error) => ($('cluster-legend').textContent = (error as Error).message));
const initial = new URL(location.href).searchParams.get('author');
if (initial) void loadNetwork(authorGlobalId(initial));
